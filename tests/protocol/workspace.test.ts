/** The workspace around a draft: configuration files that change, and drafts never opened. */
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { DRAFT, session } from "./fixtures";

describe("configuration files", () => {
  it("a .claimlintrc.json written while the draft is open applies once the editor reports the change", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect((await s.diagnostics(uri)).diagnostics.map((d) => d.code)).toContain("unattributed-figure");
    writeFileSync(path.join(s.options.root, ".claimlintrc.json"), JSON.stringify({ rules: { "unattributed-figure": "off" } }));
    const before = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: s.uri(".claimlintrc.json"), type: FileChangeType.Created }] });
    const after = await s.diagnostics(uri, (p) => s.publishedFor(uri).indexOf(p) >= before, "diagnostics after the change");
    expect(after.diagnostics.map((d) => d.code)).not.toContain("unattributed-figure");
    expect(after.diagnostics.map((d) => d.code)).toContain("spec-conflict");
  });

  it("a configuration's problems clear from the file once it is fixed", async () => {
    const s = await session({ files: { ".claimlintrc.json": "{ nope" } });
    const uri = s.uri("draft.md");
    const rc = s.uri(".claimlintrc.json");
    await s.open(uri, DRAFT);
    await s.diagnostics(rc, (p) => p.diagnostics.length > 0, "the problem");
    writeFileSync(path.join(s.options.root, ".claimlintrc.json"), "{}");
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rc, type: FileChangeType.Changed }] });
    const cleared = await s.diagnostics(rc, (p) => p.diagnostics.length === 0, "the problem cleared");
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe("problems in configuration and reference files", () => {
  /** A file's diagnostics as `line:character message`, zero-based as LSP has them. */
  const placed = (p: PublishDiagnosticsParams) =>
    p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${typeof d.message === "string" ? d.message : d.message.value}`);

  it("each wrong, unknown or misspelt setting is marked where it is, and the valid ones still apply", async () => {
    const rc = [
      "{",
      '  "rules": { "unattributed-figure": "off", "spec-conflict": "loud" },',
      '  "attributionPhrase": [],',
      '  "maxDraftSize": "big"',
      "}",
    ].join("\n");
    const s = await session({ files: { ".claimlintrc.json": rc } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const codes = (await s.diagnostics(uri)).diagnostics.map((d) => d.code);
    expect(codes).not.toContain("unattributed-figure"); // the valid "off" applies
    expect(codes).toContain("spec-conflict"); // "loud" is no severity: the default stays
    const onFile = await s.diagnostics(s.uri(".claimlintrc.json"), (p) => p.diagnostics.length > 0, "the configuration's diagnostics");
    expect(placed(onFile)).toEqual([
      '1:43 rules["spec-conflict"]: "loud" is not a severity (use off, hint, information, warning, error)',
      '2:2 unknown setting "attributionPhrase" (did you mean "attributionPhrases"?); it is ignored',
      '3:2 "maxDraftSize" must be a whole number of characters from 1 to 100,000,000, not "big"',
    ]);
    await s.until(() => s.messages[0], "the notification");
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]!.message).toMatch(/\.claimlintrc\.json:2:44: rules\["spec-conflict"\].*\(and 2 more in .*\). Checking goes on with the defaults/);
  });

  it("a reference fact that conflicts with the bundled one is marked on the reference file, and the bundled one stays", async () => {
    const conflicting = { attribute: "range", value: 500, unit: "km", qualifier: "up to", source: "rt-2023-06-atacms-letter", evidence: "quoted" };
    const s = await session({
      files: {
        ".claimlintrc.json": JSON.stringify({ references: ["facts/extra.json"] }),
        "facts/extra.json": JSON.stringify({ systems: [{ id: "atacms", facts: [conflicting] }] }, null, 2),
      },
    });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    // "ATACMS can strike targets 500 km away" still conflicts: 500 km never joined the reference.
    expect((await s.diagnostics(uri)).diagnostics.map((d) => d.code)).toContain("spec-conflict");
    const onFile = await s.diagnostics(s.uri("facts/extra.json"), (p) => p.diagnostics.length > 0, "the reference file's diagnostics");
    expect(placed(onFile)).toEqual([
      '5:8 at /systems/0/facts/0: ATACMS range "up to 500 km" conflicts with "up to 300 km" (source "rt-2023-06-atacms-letter"), already in the reference; the first one read is kept and this one is left out',
    ]);
  });

  it("a 50 MB configuration is refused at its top without hanging the server, and drafts are checked with the defaults", async () => {
    const s = await session({ files: { ".claimlintrc.json": "" } });
    truncateSync(path.join(s.options.root, ".claimlintrc.json"), 50 * 1024 * 1024);
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect((await s.diagnostics(uri)).diagnostics.map((d) => d.code)).toContain("unattributed-figure");
    const onFile = await s.diagnostics(s.uri(".claimlintrc.json"), (p) => p.diagnostics.length > 0, "the configuration's diagnostics");
    expect(placed(onFile)).toEqual(["0:0 the file is larger than 4 MB, claimlint's limit for configuration and reference files; the defaults are used"]);
  });

  it("a reference that is a pipe or a device is refused without blocking the server, and one that is not UTF-8 is marked", async () => {
    const s = await session({ files: { "facts/latin1.json": "" } });
    const pipe = path.join(s.options.root, "facts", "pipe.json");
    execFileSync("mkfifo", [pipe]);
    writeFileSync(path.join(s.options.root, "facts", "latin1.json"), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])); // {"é":1} in Latin-1
    s.settings = { references: ["facts/pipe.json", "/dev/zero", "facts/latin1.json"] };
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect((await s.diagnostics(uri)).diagnostics.map((d) => d.code)).toContain("spec-conflict"); // the bundled reference applies
    const problems = async (file: string) => placed(await s.diagnostics(pathToFileURL(file).href, (p) => p.diagnostics.length > 0, `the problem of ${file}`));
    expect(await problems(pipe)).toEqual([expect.stringMatching(/^0:0 cannot read the file: it is a pipe or a device, not a file/)]);
    expect(await problems("/dev/zero")).toEqual([expect.stringMatching(/^0:0 cannot read the file: it is a pipe or a device, not a file/)]);
    expect(await problems(path.join(s.options.root, "facts", "latin1.json"))).toEqual([expect.stringMatching(/^0:0 the file is not UTF-8 text/)]);
  });

  it("an empty configuration is marked at its top", async () => {
    const s = await session({ files: { ".claimlintrc.json": "\n" } });
    await s.open(s.uri("draft.md"), DRAFT);
    const onFile = await s.diagnostics(s.uri(".claimlintrc.json"), (p) => p.diagnostics.length > 0, "the configuration's diagnostics");
    expect(placed(onFile)).toEqual(["0:0 the file is empty; it needs a JSON object, such as {}; the defaults are used"]);
  });
});

describe("maxDraftSize", () => {
  /** The size-limit notice's message among a draft's diagnostics. */
  const notice = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === "size-limit").map((d) => d.message);

  it("claimlint.maxDraftSize checks a draft up to it and says so once", async () => {
    const s = await session({ settings: { maxDraftSize: 60 } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(notice(await s.diagnostics(uri))).toEqual([expect.stringMatching(/characters are checked \(maxDraftSize is 60\)/)]);
  });

  it(".claimlintrc.json's maxDraftSize wins over the editor's, as its rules do", async () => {
    const s = await session({ settings: { maxDraftSize: 60 }, files: { ".claimlintrc.json": '{"maxDraftSize": 100}' } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(notice(await s.diagnostics(uri))).toEqual([expect.stringMatching(/characters are checked \(maxDraftSize is 100\)/)]);
  });
});

describe("claimlint/checkWorkspace", () => {
  it("pushes the diagnostics of drafts that were never opened, and counts them", async () => {
    const s = await session({
      files: {
        "notes/closed.md": "Russia has lost 300 tanks this month.\n",
        "open.md": DRAFT,
        "notes/readme.txt": "Russia has lost 300 tanks.\n",
        "node_modules/pkg/README.md": "Russia has lost 300 tanks.\n",
      },
    });
    const open = s.uri("open.md");
    await s.open(open, DRAFT);
    await s.diagnostics(open);
    const result = await s.connection.sendRequest("claimlint/checkWorkspace", {});
    expect(result).toEqual({ files: 2, findings: 6 });
    const closed = await s.diagnostics(s.uri("notes/closed.md"));
    expect(closed.diagnostics.map((d) => d.code)).toEqual(["unattributed-figure"]);
    expect(closed.version).toBeUndefined();
    expect(s.publishedFor(s.uri("node_modules/pkg/README.md"))).toEqual([]);
  });

  it("writes nothing: every file's bytes and modification time are the same afterwards", async () => {
    const s = await session({
      files: {
        "notes/closed.md": "The convoy was 12 miles (12 km) long.\n",
        "notes/latin1.md": "Caf\u00e9",
        ".claimlintrc.json": '{ "rules": { "unit-mismatch": "loud" } }',
      },
    });
    writeFileSync(path.join(s.options.root, "notes/latin1.md"), new Uint8Array([0x43, 0x61, 0x66, 0xe9]));
    const snapshot = () =>
      Object.fromEntries(
        (readdirSync(s.options.root, { recursive: true }) as string[])
          .filter((name) => statSync(path.join(s.options.root, name)).isFile())
          .map((name) => [name, [readFileSync(path.join(s.options.root, name)).toString("base64"), statSync(path.join(s.options.root, name)).mtimeMs]]),
      );
    const before = snapshot();
    expect(await s.connection.sendRequest("claimlint/checkWorkspace", {})).toEqual({ files: 2, findings: 2 });
    expect(snapshot()).toEqual(before);
  });

  it("checks the one draft on claimlint/checkDocument", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(await s.connection.sendRequest("claimlint/checkDocument", { uri })).toEqual({ findings: 5 });
  });
});
