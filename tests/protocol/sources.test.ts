/**
 * The writer's own sources in the editor, through the real server: the seed articles (read
 * from ../shared/seeds and copied into each test's workspace) named by `.claimlintrc.json` or
 * by `claimlint.sources`; a draft that reuses, alters and invents their figures; hover, go to
 * definition and `Attribute as the source does` on a traced figure; sources changing on disk;
 * sources outside an untrusted workspace, broken and too many.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { editsFor } from "./edits";
import { session, workspace } from "./fixtures";
import type { Session } from "./session";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
const RT_SEED = "000_e1e76ea45fbc90c6.txt";

/** The seed articles, copied into `folder` (relative to `root`). */
function copySeeds(root: string, folder: string): void {
  mkdirSync(path.join(root, folder), { recursive: true });
  for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(root, folder, name));
}

/** A figure the RT seed gives, one it gives otherwise for the same event, and one it lacks. */
const DRAFT = [
  "# The offensive",
  "",
  "Ukraine has lost more than 4,000 troops in its failed attacks this week.",
  "",
  "Russia has massed 12,000 troops near Kharkiv.",
  "",
  "Ukraine has lost 5,000 troops in its failed attacks this week.",
  "",
].join("\n");
const TRACED = 2;
const INVENTED = 4;
const ALTERED = 6;
const lines = DRAFT.split("\n");
const at = (line: number, words: string) => ({ line, character: lines[line]!.indexOf(words) });

/** Where the RT seed states `more than 4,000 troops`: its 1-based line and the figure's range, read from the seed itself. */
function seedFigure() {
  const text = readFileSync(path.join(SEEDS, RT_SEED), "utf8");
  const offset = text.indexOf("more than 4,000 troops");
  const seed = TextDocument.create("file:///seed", "plaintext", 1, text);
  return { line: seed.positionAt(offset).line + 1, range: { start: seed.positionAt(offset), end: seed.positionAt(offset + "more than 4,000 troops".length) } };
}

/** The draft's diagnostics as `line rule`. */
const rules = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line} ${d.code}`);

/** A session on a workspace holding the seeds in `sources/`, with the draft open and checked. */
async function withSeeds(options: { config?: object; settings?: Record<string, unknown>; initializationOptions?: unknown; files?: Record<string, string> } = {}) {
  const root = workspace({ ...(options.config && { ".claimlintrc.json": JSON.stringify(options.config) }), ...options.files });
  copySeeds(root, "sources");
  const s = await session({ root, settings: options.settings, initializationOptions: options.initializationOptions });
  const uri = s.uri("draft.md");
  await s.open(uri, DRAFT);
  return { s, uri, root, published: await s.diagnostics(uri) };
}

async function hoverText(s: Session, uri: string, position: { line: number; character: number }): Promise<string | undefined> {
  const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const definition = (s: Session, uri: string, position: { line: number; character: number }) =>
  s.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }) as Promise<Location[] | null>;

/** The diagnostics published after the `seen` first ones, once `accept` takes them. */
const next = (s: Session, uri: string, seen: number, accept: (p: PublishDiagnosticsParams) => boolean, what: string) =>
  s.diagnostics(uri, (p) => s.publishedFor(uri).indexOf(p) >= seen && accept(p), what);

describe("the seed articles as sources, named by .claimlintrc.json", () => {
  it("traces a reused figure, flags an invented one as untraced and an altered one as a conflict naming file:line", async () => {
    const { published } = await withSeeds({ config: { sources: ["sources"] } });
    const { line } = seedFigure();
    expect(rules(published)).toEqual([`${TRACED} unattributed-figure`, `${INVENTED} unattributed-figure`, `${INVENTED} untraced-figure`, `${ALTERED} unattributed-figure`, `${ALTERED} figure-conflict`]);
    const message = (lineNo: number, rule: string) => published.diagnostics.find((d) => d.range.start.line === lineNo && d.code === rule)!.message;
    expect(message(TRACED, "unattributed-figure")).toContain(`Your source has it: “more than 4,000 troops” (sources/${RT_SEED}:${line}, according to the Russian Defense Ministry).`);
    expect(message(ALTERED, "figure-conflict")).toBe(`“5,000 troops” disagrees with your source: “more than 4,000 troops” (sources/${RT_SEED}:${line}, according to the Russian Defense Ministry).`);
  });

  it("the hover on a traced figure names the seed's file and line, its sentence and whom it attributes the figure to", async () => {
    const { s, uri } = await withSeeds({ config: { sources: ["sources"] } });
    const card = await hoverText(s, uri, at(TRACED, "4,000"));
    expect(card).toContain(
      [
        "**In your sources**",
        "",
        `- **sources/${RT_SEED.replace(/_/g, "\\_")}\\:${seedFigure().line}** “Ukraine has lost more than 4,000 troops and dozens of tanks and armored vehicles in its failed attacks this week, according to the Russian Defense Ministry.”  `,
        "  According to the Russian Defense Ministry, as reported by RT",
      ].join("\n"),
    );
    // Not on the invented figure: no source gives it.
    expect(await hoverText(s, uri, at(INVENTED, "12,000"))).not.toContain("sources/");
  });

  it("go to definition on a traced or conflicting figure opens the seed at the figure; elsewhere it gives nothing", async () => {
    const { s, uri, root } = await withSeeds({ config: { sources: ["sources"] } });
    const seed = [{ uri: pathToFileURL(path.join(root, "sources", RT_SEED)).href, range: seedFigure().range }];
    expect(await definition(s, uri, at(TRACED, "4,000"))).toEqual(seed);
    expect(await definition(s, uri, at(ALTERED, "5,000"))).toEqual(seed);
    expect(await definition(s, uri, at(INVENTED, "12,000"))).toBeNull();
    expect(await definition(s, uri, at(TRACED, "Ukraine"))).toBeNull();
    expect(s.initializeResult.capabilities.definitionProvider).toBe(true);
  });

  it("`Attribute as the source does` inserts the seed's attribution and outlet, and the finding goes", async () => {
    const { s, uri, published } = await withSeeds({ config: { sources: ["sources"] } });
    const diagnostic = published.diagnostics.find((d) => d.range.start.line === TRACED)!;
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const title = "Attribute as the source does: according to the Russian Defense Ministry, as reported by RT";
    expect(actions.map((a) => a.title)).toEqual([title, "Add attribution…", "Ignore on this line (unattributed-figure)"]);
    const fix = actions[0]!;
    expect(fix.isPreferred).toBe(true);
    const text = await s.edit(uri, editsFor(fix.edit, uri));
    expect(text.split("\n")[TRACED]).toBe("Ukraine has lost more than 4,000 troops in its failed attacks this week, according to the Russian Defense Ministry, as reported by RT.");
    const version = s.document(uri).version;
    const after = await s.diagnostics(uri, (p) => p.version === version, `version ${version}`);
    expect(rules(after).filter((r) => r.startsWith(`${TRACED} `))).toEqual([]);
    // Attributed now, the figure is flagged by nothing, and is still traced: hover and definition find the seed.
    const card = await hoverText(s, uri, at(TRACED, "4,000"));
    expect(card).toMatch(/^\*\*more than 4,000 troops\*\* · in your sources\n\n\*\*In your sources\*\*/);
    expect(card).toContain("According to the Russian Defense Ministry, as reported by RT");
    const { root } = s.options;
    expect(await definition(s, uri, at(TRACED, "4,000"))).toEqual([{ uri: pathToFileURL(path.join(root, "sources", RT_SEED)).href, range: seedFigure().range }]);
  });
});

describe("claimlint.sources", () => {
  it("names sources by a glob relative to the workspace folder, added to the configuration's", async () => {
    const { published } = await withSeeds({ settings: { sources: ["sources/*.txt"] } });
    expect(rules(published)).toContain(`${INVENTED} untraced-figure`);
    expect(published.diagnostics.find((d) => d.range.start.line === TRACED)!.message).toContain(`(sources/${RT_SEED}:${seedFigure().line}, according to`);
  });

  it("with no sources named, neither rule fires, and there is nothing to go to or show", async () => {
    const { s, uri, published } = await withSeeds();
    expect(rules(published)).toEqual([`${TRACED} unattributed-figure`, `${INVENTED} unattributed-figure`, `${ALTERED} unattributed-figure`]);
    expect(await definition(s, uri, at(TRACED, "4,000"))).toBeNull();
    expect(await hoverText(s, uri, at(TRACED, "4,000"))).not.toContain("In your sources");
  });
});

describe("sources changing on disk", () => {
  const DESK_NOTE = "Russia has massed 12,000 troops near Kharkiv, Ukraine's border guard said.\n";

  it("a source created, then deleted, traces the invented figure and then no longer does", async () => {
    const { s, uri, root } = await withSeeds({ config: { sources: ["sources"] } });
    const note = path.join(root, "sources", "desk-note.txt");
    writeFileSync(note, DESK_NOTE);
    let seen = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(note).href, type: FileChangeType.Created }] });
    const traced = await next(s, uri, seen, (p) => !rules(p).includes(`${INVENTED} untraced-figure`), "the new source read");
    expect(traced.diagnostics.find((d) => d.range.start.line === INVENTED)!.message).toContain("Your source has it: “12,000 troops” (sources/desk-note.txt:1, according to Ukraine's border guard).");

    rmSync(note);
    seen = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(note).href, type: FileChangeType.Deleted }] });
    const untraced = await next(s, uri, seen, (p) => rules(p).includes(`${INVENTED} untraced-figure`), "the source gone");
    expect(untraced.diagnostics.find((d) => d.range.start.line === INVENTED && d.code === "unattributed-figure")!.message).not.toContain("Your source");
  });

  it("a text file that no source names changes nothing: the drafts are not checked again", async () => {
    const { s, uri, root } = await withSeeds({ config: { sources: ["sources"] } });
    const elsewhere = path.join(root, "notes", "desk-note.txt");
    mkdirSync(path.dirname(elsewhere));
    writeFileSync(elsewhere, DESK_NOTE);
    const seen = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(elsewhere).href, type: FileChangeType.Created }] });
    // A hover after the change would check the draft again, and publish first, had the change dropped its findings.
    expect(await hoverText(s, uri, at(INVENTED, "12,000"))).toContain("untraced-figure");
    expect(s.publishedFor(uri)).toHaveLength(seen);
  });

  it("the server watches text and Markdown files, where sources are", async () => {
    const { s } = await withSeeds();
    const watch = await s.until(() => s.registerOptions.find((r) => r.method === "workspace/didChangeWatchedFiles"), "the watcher's registration");
    expect(watch.options).toEqual({ watchers: expect.arrayContaining([{ globPattern: "**/*.{txt,md,markdown}" }]) });
  });
});

describe("sources that cannot be used", () => {
  const IGNORED = /outside the workspace, ignored while the workspace is not trusted/;

  it("an untrusted workspace ignores and reports a source outside it, and uses those inside", async () => {
    const outside = workspace({ "wire.txt": "Russia has massed 12,000 troops near Kharkiv, Ukraine's border guard said.\n" });
    const wire = path.join(outside, "wire.txt");
    const { s, published } = await withSeeds({ settings: { sources: ["sources", wire] }, initializationOptions: { workspaceTrusted: false } });
    expect(rules(published)).toContain(`${INVENTED} untraced-figure`); // the outside source was not read
    expect(published.diagnostics.find((d) => d.range.start.line === TRACED)!.message).toContain("Your source has it"); // the seeds were
    const onFile = await s.diagnostics(pathToFileURL(wire).href, (p) => p.diagnostics.length > 0, "the ignored source's diagnostics");
    expect(onFile.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^claimlint\.sources names this file, outside the workspace/)]);
    expect(s.messages.some((m) => IGNORED.test(m.message))).toBe(true);
  });

  it("a trusted workspace reads the same source outside it", async () => {
    const outside = workspace({ "wire.txt": "Russia has massed 12,000 troops near Kharkiv, Ukraine's border guard said.\n" });
    const { published } = await withSeeds({ settings: { sources: ["sources", path.join(outside, "wire.txt")] }, initializationOptions: { workspaceTrusted: true } });
    expect(rules(published)).not.toContain(`${INVENTED} untraced-figure`);
  });

  it("a source that is not UTF-8 is marked where it breaks, and the other sources are used", async () => {
    const root = workspace({ ".claimlintrc.json": JSON.stringify({ sources: ["sources"] }) });
    copySeeds(root, "sources");
    const latin1 = path.join(root, "sources", "latin1.txt");
    writeFileSync(latin1, new Uint8Array([...Buffer.from("Caf"), 0xe9, 0x0a]));
    const s = await session({ root });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const published = await s.diagnostics(uri);
    expect(published.diagnostics.find((d) => d.range.start.line === TRACED)!.message).toContain("Your source has it");
    const onFile = await s.diagnostics(pathToFileURL(latin1).href, (p) => p.diagnostics.length > 0, "the broken source's diagnostics");
    expect(onFile.diagnostics.map((d: Diagnostic) => [d.range.start, d.message])).toEqual([
      [{ line: 0, character: 3 }, "not read as a source: the file is not valid UTF-8 text (save it as UTF-8)"],
    ]);
    expect(rules(published)).toContain(`${INVENTED} untraced-figure`);

    // Saved again as UTF-8, it is read: its mark goes, and its figure traces.
    writeFileSync(latin1, "Russia has massed 12,000 troops near Kharkiv, Ukraine's border guard said.\n");
    const seen = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(latin1).href, type: FileChangeType.Changed }] });
    await s.diagnostics(pathToFileURL(latin1).href, (p) => p.diagnostics.length === 0, "the mark cleared");
    expect(rules(await next(s, uri, seen, () => true, "the draft checked again"))).not.toContain(`${INVENTED} untraced-figure`);
  });

  it("more than 2,000 source documents: the first 2,000 are read and the rest reported", async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n <= 2_000; n++) files[`wires/${String(n).padStart(4, "0")}.txt`] = "Kyiv got 20 missiles.\n";
    // The last file in order, left out, is the only one that gives the invented figure.
    files["wires/2000.txt"] = "Russia has massed 12,000 troops near Kharkiv, Ukraine's border guard said.\n";
    const s = await session({ files: { ...files, ".claimlintrc.json": JSON.stringify({ sources: ["wires"] }) } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(rules(await s.diagnostics(uri))).toContain(`${INVENTED} untraced-figure`);
    const onFolder = await s.diagnostics(s.uri("wires"), (p) => p.diagnostics.length > 0, "the limit's diagnostic");
    expect(onFolder.diagnostics.map((d) => d.message)).toEqual(["more than 2,000 source documents are named; the first 2,000 are read and the rest left out"]);
  });
});
