/** The workspace around a draft: configuration files that change, and drafts never opened. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver-protocol/node";
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

  it("checks the one draft on claimlint/checkDocument", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(await s.connection.sendRequest("claimlint/checkDocument", { uri })).toEqual({ findings: 5 });
  });
});
