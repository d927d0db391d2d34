/**
 * The server over Node's IPC channel (`--node-ipc`), which serialises messages itself rather
 * than through claimlint's stdio writer: the diagnostics an editor receives are those of a
 * full check there too, related information included.
 */
import { fork, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { createChecker } from "../../server/src/core/checker";
import { toDiagnostic } from "../../server/src/lsp/diagnostics";
import { bundledReference } from "../../server/src/reference/load";
import { DRAFT } from "./fixtures";
import { EDITOR_CAPABILITIES, SERVER } from "./session";

const checker = createChecker({ reference: bundledReference() });
const fullCheck = (uri: string, text: string): Diagnostic[] => {
  const document = TextDocument.create(uri, "markdown", 0, text);
  return checker.check(text).map((f) => toDiagnostic(f, document));
};

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

/** The built server forked with an IPC channel, initialised, and every publication it makes, by version. */
async function ipcServer(): Promise<{ connection: ProtocolConnection; published: (version: number) => Promise<PublishDiagnosticsParams> }> {
  child = fork(SERVER, ["--node-ipc"], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => waiting.get(p.version ?? -1)?.(p));
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: EDITOR_CAPABILITIES });
  await connection.sendNotification(InitializedNotification.type, {});
  return { connection, published: (version) => new Promise((resolve) => waiting.set(version, resolve)) };
}

describe("the server over --node-ipc", () => {
  it("publishes a full check's diagnostics, on open and after an edit, related information included", async () => {
    const { connection, published } = await ipcServer();
    const uri = "file:///tmp/claimlint-ipc/draft.md";
    const opened = published(1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version: 1, text: DRAFT } });
    const first = await opened;
    expect(first.diagnostics).toEqual(fullCheck(uri, DRAFT));
    expect(first.diagnostics.some((d) => d.relatedInformation?.length)).toBe(true);

    const edited = `Kyiv received 31 tanks.\n\n${DRAFT}`;
    const changed = published(2);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "Kyiv received 31 tanks.\n\n" }],
    });
    expect((await changed).diagnostics).toEqual(fullCheck(uri, edited));

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
  });
});
