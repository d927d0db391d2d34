/** The server's life as an editor sees it: start, announce, survive bad input, shut down. */
import { describe, expect, it } from "vitest";
import { CodeActionRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import { DRAFT, session } from "./fixtures";
import { EDITOR_CAPABILITIES } from "./session";

describe("initialize", () => {
  it("announces incremental sync, hover, quick fixes and fix-all", async () => {
    const s = await session();
    const caps = s.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ["quickfix", "source.fixAll.claimlint"] });
    expect(s.initializeResult.serverInfo?.name).toBe("claimlint");
    // No pull support announced by this client, so none is offered.
    expect(caps.diagnosticProvider).toBeUndefined();
  });

  it("offers pull diagnostics to a client that supports them, unless it opts out", async () => {
    const pulling = { ...EDITOR_CAPABILITIES, textDocument: { ...EDITOR_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };
    const withPull = await session({ capabilities: pulling });
    expect(withPull.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const optedOut = await session({ capabilities: pulling, initializationOptions: { pullDiagnostics: false } });
    expect(optedOut.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
  });

  it("registers for settings and configuration-file changes where the client allows", async () => {
    const s = await session();
    await s.until(() => (s.registrations.length >= 2 ? true : undefined), "registrations");
    expect(s.registrations).toEqual(expect.arrayContaining(["workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles"]));
  });
});

describe("shutdown", () => {
  it("answers shutdown and exits with code 0 on exit", async () => {
    const s = await session();
    expect(await s.stop()).toBe(0);
  });
});

describe("bad requests", () => {
  it("answers requests about drafts it does not know with empty results", async () => {
    const s = await session();
    const uri = s.uri("never-opened.md");
    expect(await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    expect(await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })).toEqual([]);
  });

  it("survives malformed parameters and goes on checking", async () => {
    const s = await session();
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    await s.diagnostics(uri);
    // A hover without a position: the handler fails, logs, and answers null.
    expect(await s.connection.sendRequest("textDocument/hover", { textDocument: { uri } })).toBeNull();
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    expect(await s.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range })).toEqual([]);
    await s.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "Kyiv lost 12 jets.\n\n" }]);
    const after = await s.diagnostics(uri, (p) => p.version === 2);
    expect(after.diagnostics.some((d) => d.range.start.line === 0 && d.code === "unattributed-figure")).toBe(true);
    expect(s.process.exitCode).toBeNull();
  });
});

describe("a broken configuration", () => {
  it("is reported once, on the file, and the draft is checked with the defaults", async () => {
    const s = await session({ files: { ".claimlintrc.json": '{ "rules": { "unattributed-figure": "off", }\n' } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const draft = await s.diagnostics(uri);
    // The broken file's "off" is not applied: the defaults go on working.
    expect(draft.diagnostics.map((d) => d.code)).toContain("unattributed-figure");
    const onFile = await s.diagnostics(s.uri(".claimlintrc.json"), (p) => p.diagnostics.length > 0, "the configuration's diagnostics");
    expect(onFile.diagnostics[0]).toMatchObject({ source: "claimlint", range: { start: { line: 0 } } });
    expect(onFile.diagnostics[0]!.message).toMatch(/invalid JSON/);
    await s.until(() => (s.messages.length > 0 ? true : undefined), "a notification");
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]!.message).toContain(".claimlintrc.json");
    expect(s.messages[0]!.message).toMatch(/defaults/);
  });

  it("reports a missing reference file by its path and keeps the bundled reference", async () => {
    const s = await session({ files: { ".claimlintrc.json": '{ "references": ["facts/missing.json"] }' } });
    const uri = s.uri("draft.md");
    await s.open(uri, DRAFT);
    const draft = await s.diagnostics(uri);
    expect(draft.diagnostics.map((d) => d.code)).toContain("spec-conflict");
    const onFile = await s.diagnostics(s.uri("facts/missing.json"), (p) => p.diagnostics.length > 0, "the reference file's diagnostics");
    expect(onFile.diagnostics[0]!.message).toMatch(/not found/);
  });
});
