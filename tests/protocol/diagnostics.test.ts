/** Diagnostics as editors receive them: pushed with versions, pulled on request, following settings. */
import { describe, expect, it } from "vitest";
import { DidChangeConfigurationNotification, DidSaveTextDocumentNotification, DocumentDiagnosticRequest } from "vscode-languageserver-protocol/node";
import { DRAFT, session } from "./fixtures";
import { EDITOR_CAPABILITIES } from "./session";

const codesOn = (p: { diagnostics: { code?: string | number; range: { start: { line: number } } }[] }) =>
  p.diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort();

describe("pushed diagnostics", () => {
  it("arrive on open with the document's version, rule codes, sources and documentation links", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT, 7);
    const published = await s.diagnostics(uri);
    expect(published.version).toBe(7);
    expect(codesOn(published)).toEqual(["2:unattributed-figure", "4:spec-conflict", "4:unattributed-spec", "6:unit-mismatch", "8:unattributed-spec"]);
    const figure = published.diagnostics.find((d) => d.code === "unattributed-figure")!;
    expect(figure).toMatchObject({
      source: "claimlint",
      severity: 2,
      range: { start: { line: 2, character: 17 }, end: { line: 2, character: 39 } },
      codeDescription: { href: expect.stringMatching(/docs\/rules\.md#unattributed-figure$/) },
    });
    expect(published.diagnostics.find((d) => d.code === "spec-conflict")!.severity).toBe(1);
  });

  it("name the reference fact and its source as related information on a conflict", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const conflict = (await s.diagnostics(uri)).diagnostics.find((d) => d.code === "spec-conflict")!;
    expect(conflict.relatedInformation).toHaveLength(1);
    const related = conflict.relatedInformation![0]!;
    expect(related.location).toEqual({ uri, range: conflict.range });
    expect(related.message).toMatch(/300 km/);
    expect(related.message).toMatch(/RT/);
  });

  it("leave out the link and the related information for an editor that does not show them", async () => {
    const plain = { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true } } };
    const s = await session({ capabilities: plain });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const published = await s.diagnostics(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    for (const d of published.diagnostics) {
      expect(d.codeDescription).toBeUndefined();
      expect(d.relatedInformation).toBeUndefined();
    }
  });

  it("follow every edit, the last version's positions winning", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    // Ten quick edits, each inserting a line above: the final diagnostics must match the final text.
    for (let i = 0; i < 10; i++) await s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "\n" }]);
    const last = await s.diagnostics(uri, (p) => p.version === 11, "version 11");
    expect(codesOn(last)).toEqual(["12:unattributed-figure", "14:spec-conflict", "14:unattributed-spec", "16:unit-mismatch", "18:unattributed-spec"]);
    // Whatever was skipped, nothing older arrives after the newest.
    const versions = s.publishedFor(uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it("are answered to a pull request with the same findings", async () => {
    const pulling = { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };
    const s = await session({ capabilities: pulling });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const pushed = await s.diagnostics(uri);
    const pulled = await s.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    expect(pulled.kind).toBe("full");
    expect("items" in pulled && pulled.items).toEqual(pushed.diagnostics);
  });
});

describe("settings", () => {
  it("a rule set to off disappears once the settings change", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    s.settings = { rules: { "unattributed-figure": "off", "unit-mismatch": "error" } };
    const before = s.publishedFor(uri).length;
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const after = await s.diagnostics(uri, (p) => s.publishedFor(uri).indexOf(p) >= before, "diagnostics after the change");
    expect(codesOn(after)).toEqual(["4:spec-conflict", "4:unattributed-spec", "6:unit-mismatch", "8:unattributed-spec"]);
    expect(after.diagnostics.find((d) => d.code === "unit-mismatch")!.severity).toBe(1);
  });

  it("a rule named in .claimlintrc.json keeps the file's severity over the editor's", async () => {
    const s = await session({
      files: { ".claimlintrc.json": JSON.stringify({ rules: { "spec-conflict": "hint" } }) },
      settings: { rules: { "spec-conflict": "off", "unattributed-spec": "off" } },
    });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const published = await s.diagnostics(uri);
    expect(codesOn(published)).toEqual(["2:unattributed-figure", "4:spec-conflict", "6:unit-mismatch"]);
    expect(published.diagnostics.find((d) => d.code === "spec-conflict")!.severity).toBe(4);
  });

  it("with enable false, nothing is reported", async () => {
    const s = await session({ settings: { enable: false } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    expect((await s.diagnostics(uri)).diagnostics).toEqual([]);
  });

  it("in onSave mode, typing leaves the diagnostics and saving re-checks", async () => {
    const s = await session({ settings: { run: "onSave" } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    await s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "Kyiv lost 12 jets.\n\n" }]);
    await s.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const saved = await s.diagnostics(uri, (p) => p.version === 2, "diagnostics after saving");
    // One check after the save, none for the keystroke before it.
    expect(s.publishedFor(uri).map((p) => p.version)).toEqual([1, 2]);
    expect(codesOn(saved)).toContain("0:unattributed-figure");
  });

  it("invalid setting values are reported and the rest still apply", async () => {
    const s = await session({ settings: { rules: { "unattributed-figure": "loud", "unit-mismatch": "off" } } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const published = await s.diagnostics(uri);
    expect(codesOn(published)).toContain("2:unattributed-figure");
    expect(codesOn(published)).not.toContain("6:unit-mismatch");
    await s.until(() => s.messages[0], "a notification");
    expect(s.messages[0]!.message).toMatch(/unattributed-figure/);
  });
});
