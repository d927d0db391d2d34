/** Hover cards and quick fixes through the protocol: what an editor shows and what each fix does. */
import { describe, expect, it } from "vitest";
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from "vscode-languageserver-protocol/node";
import { editsFor } from "./edits";
import { DRAFT, session } from "./fixtures";
import { EDITOR_CAPABILITIES, type Session } from "./session";

const lines = DRAFT.split("\n");
const at = (line: number, word: string) => ({ line, character: lines[line]!.indexOf(word) });

describe("hover", () => {
  it("on ATACMS shows the reference range and its source", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { ...at(4, "ATACMS"), character: at(4, "ATACMS").character + 2 } });
    const card = (hover!.contents as MarkupContent).value;
    expect((hover!.contents as MarkupContent).kind).toBe("markdown");
    expect(card).toContain("300 km");
    expect(card).toContain("RT");
    expect(card).toMatch(/President Biden faces growing pressure/);
    expect(hover!.range).toEqual({ start: at(4, "ATACMS"), end: { line: 4, character: at(4, "ATACMS").character + 6 } });
  });

  it("on an alias shows the same system's card", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(8, "Tactical") });
    expect((hover!.contents as MarkupContent).value).toMatch(/### ATACMS/);
  });

  it("on a flagged figure says why, with the stated and the reference value", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(4, "500") });
    const card = (hover!.contents as MarkupContent).value;
    expect(card).toMatch(/spec-conflict/);
    expect(card).toMatch(/500 km/);
    expect(card).toMatch(/300 km/);
  });

  it("on plain words gives nothing", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect(await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(2, "Ukraine") })).toBeNull();
  });
});

/** Puts the draft back to DRAFT and returns its fresh diagnostics. */
async function reset(s: Session, uri: string): Promise<Diagnostic[]> {
  const document = s.document(uri);
  await s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, newText: DRAFT }]);
  const version = s.document(uri).version;
  return (await s.diagnostics(uri, (p) => p.version === version, `version ${version}`)).diagnostics;
}

async function actionsFor(s: Session, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });
  return (result ?? []) as CodeAction[];
}

/** Each quick fix: the line it changes to, and the rule that must be gone from that line after. */
const FIXES: { line: number; rule: string; title: string; becomes: string }[] = [
  { line: 2, rule: "unattributed-figure", title: "Add attribution…", becomes: "Ukraine has lost more than 4,000 troops in a week, according to …." },
  { line: 2, rule: "unattributed-figure", title: "Ignore on this line (unattributed-figure)", becomes: "Ukraine has lost more than 4,000 troops in a week. <!-- claimlint-disable-line unattributed-figure -->" },
  { line: 4, rule: "spec-conflict", title: "Use the reference value (300 km)", becomes: "ATACMS can strike targets 300 km away." },
  { line: 4, rule: "unattributed-spec", title: "Add attribution…", becomes: "ATACMS can strike targets 500 km away, according to …." },
  { line: 6, rule: "unit-mismatch", title: "Correct the conversion (43 mi)", becomes: "HIMARS launchers fire rockets that reach about 70 kilometers (43 miles), the Army said." },
  { line: 8, rule: "unattributed-spec", title: "Attribute to RT", becomes: "The Army Tactical Missile System has a range of up to 300 kilometers, according to RT." },
  { line: 8, rule: "unattributed-spec", title: "Add attribution…", becomes: "The Army Tactical Missile System has a range of up to 300 kilometers, according to …." },
];

/** The fix's rule on the fix's line, in the diagnostics of the draft's current version. */
async function findingsOn(s: Session, uri: string, fix: { line: number; rule: string }): Promise<Diagnostic[]> {
  const version = s.document(uri).version;
  const published = await s.diagnostics(uri, (p) => p.version === version, `version ${version}`);
  return published.diagnostics.filter((d) => d.code === fix.rule && d.range.start.line === fix.line);
}

describe("quick fixes", () => {
  it("each gives the expected draft, and its finding goes", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    for (const fix of FIXES) {
      const diagnostics = await reset(s, uri);
      const diagnostic = diagnostics.find((d) => d.code === fix.rule && d.range.start.line === fix.line)!;
      expect(diagnostic, `${fix.rule} on line ${fix.line}`).toBeDefined();
      const actions = await actionsFor(s, uri, diagnostic);
      const action = actions.find((a) => a.title === fix.title);
      expect(action, `“${fix.title}” among ${actions.map((a) => a.title).join(" | ")}`).toBeDefined();
      expect(action!.kind).toBe("quickfix");
      const text = await s.edit(uri, editsFor(action!.edit, uri));
      expect(text.split("\n")[fix.line], fix.title).toBe(fix.becomes);
      expect(text.split("\n").filter((_, i) => i !== fix.line)).toEqual(lines.filter((_, i) => i !== fix.line));
      if (fix.title === "Add attribution…") {
        // The bare placeholder is no source: the claim stays flagged until the writer names one.
        expect(await findingsOn(s, uri, fix), "with the placeholder").toHaveLength(1);
        const column = fix.becomes.indexOf("…");
        await s.edit(uri, [{ range: { start: { line: fix.line, character: column }, end: { line: fix.line, character: column + 1 } }, newText: "the Pentagon" }]);
      }
      expect(await findingsOn(s, uri, fix), fix.title).toEqual([]);
    }
  });

  it("mark the clearly best fix preferred and list it first", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const diagnostics = (await s.diagnostics(uri)).diagnostics;
    const spec = diagnostics.find((d) => d.code === "unattributed-spec" && d.range.start.line === 8)!;
    const actions = await actionsFor(s, uri, spec);
    expect(actions[0]).toMatchObject({ title: "Attribute to RT", isPreferred: true });
    expect(actions.find((a) => a.title === "Add attribution…")!.isPreferred).toBeFalsy();
    expect(actions.find((a) => a.title.startsWith("Ignore"))!.isPreferred).toBeFalsy();
  });

  it("offer the attribution as a snippet choosing among the reference's and the draft's sources", async () => {
    const snippets = { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } };
    const s = await session({ capabilities: snippets });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const diagnostic = (await s.diagnostics(uri)).diagnostics.find((d) => d.code === "unattributed-figure")!;
    const action = (await actionsFor(s, uri, diagnostic)).find((a) => a.title === "Add attribution…")!;
    const change = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { snippet?: { value: string } }[] };
    expect(change.textDocument.version).toBe(1);
    expect(change.edits[0]!.snippet!.value).toBe(", according to ${1|RT,the Army|}");
  });

  it("correct every conversion at once under source.fixAll.claimlint", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    const draft = `${DRAFT}\nStorm Shadow flies 250 km (100 mi), the MoD said. It weighs 1,300 kg (1,000 lb), the MoD said.\n`;
    await s.open(uri, draft);
    const diagnostics = (await s.diagnostics(uri)).diagnostics;
    expect(diagnostics.filter((d) => d.code === "unit-mismatch")).toHaveLength(3);
    const actions = await actionsFor(s, uri, diagnostics[0]!, ["source.fixAll"]);
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.claimlint"]);
    const text = await s.edit(uri, editsFor(actions[0]!.edit, uri));
    expect(text).toContain("about 70 kilometers (43 miles)");
    expect(text).toContain("250 km (155 mi)");
    expect(text).toContain("1,300 kg (2,866 lb)");
    const version = s.document(uri).version;
    const after = await s.diagnostics(uri, (p) => p.version === version, "diagnostics after fixing all");
    expect(after.diagnostics.filter((d) => d.code === "unit-mismatch")).toEqual([]);
  });
});

describe("hover for a client without Markdown", () => {
  it("sends the card as plain text", async () => {
    const plain = { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, hover: { contentFormat: ["plaintext" as const] } } };
    const s = await session({ capabilities: plain });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(4, "ATACMS") });
    const contents = hover!.contents as MarkupContent;
    expect(contents.kind).toBe("plaintext");
    expect(contents.value).toMatch(/^ATACMS/);
    expect(contents.value).toContain("300 km");
    expect(contents.value).toContain("RT");
    expect(contents.value).not.toMatch(/\*\*|###|\\/);
  });
});

describe("on a contradicted spec", () => {
  it("the reference value is the one preferred fix, listed first", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const conflict = (await s.diagnostics(uri)).diagnostics.find((d) => d.code === "spec-conflict")!;
    const actions = await actionsFor(s, uri, conflict);
    expect(actions[0]!.title).toBe("Use the reference value (300 km)");
    expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual(["Use the reference value (300 km)"]);
  });
});
