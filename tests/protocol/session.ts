/**
 * A real LSP client session against the built server: `dist/server.js --stdio` spawned as
 * an editor spawns it, spoken to through vscode-languageserver-protocol. It answers the
 * server's requests (settings, registrations) as an editor would and records what the
 * server pushes, so tests wait on messages, never on timers.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";

export const SERVER = path.resolve(__dirname, "../../dist/server.js");

/** What a capable editor announces: VS Code's shape, trimmed to what claimlint reads. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
  },
};

export interface SessionOptions {
  /** The workspace folder; its path is the root. */
  root: string;
  /** The `claimlint` settings section the client answers with; mutable between requests. */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
}

export class Session {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly messages: ShowMessageParams[] = [];
  /** What the server logged to the editor's output (window/logMessage), oldest first. */
  readonly logs: LogMessageParams[] = [];
  readonly registrations: string[] = [];
  /** What the server registered each method with, in the order it asked. */
  readonly registerOptions: { method: string; options: unknown }[] = [];
  settings: Record<string, unknown>;
  /** Told of each draft the server asks settings for, before the answer goes. */
  beforeSettingsFor: (uri: string | undefined) => Promise<void> | void = () => {};
  /** Told of each draft the server asks settings for, after the answer is on its way. */
  afterSettingsFor: (uri: string | undefined) => void = () => {};
  initializeResult!: InitializeResult;
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  private readonly documents = new Map<string, TextDocument>();
  stderr = "";

  private constructor(readonly options: SessionOptions) {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(this.process.stdout!, this.process.stdin!);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.record(() => this.published.push(p)));
    this.connection.onNotification(ShowMessageNotification.type, (p) => this.record(() => this.messages.push(p)));
    this.connection.onNotification(LogMessageNotification.type, (p) => this.record(() => this.logs.push(p)));
    this.connection.onRequest(ConfigurationRequest.type, async (p) => {
      for (const item of p.items) await this.beforeSettingsFor(item.scopeUri);
      setTimeout(() => p.items.forEach((item) => this.afterSettingsFor(item.scopeUri)));
      return p.items.map((item) => (item.section === "claimlint" ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      this.record(() => {
        this.registrations.push(...p.registrations.map((r) => r.method));
        this.registerOptions.push(...p.registrations.map((r) => ({ method: r.method, options: r.registerOptions })));
      });
    });
    this.connection.onRequest("window/showMessageRequest", () => null);
    this.connection.listen();
  }

  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    session.initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: session.uri(""),
      workspaceFolders: [{ uri: session.uri(""), name: path.basename(options.root) }],
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** The file URI of a path relative to the root. */
  uri(relative: string): string {
    return pathToFileURL(path.join(this.options.root, relative)).href;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, "markdown", version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version, text } });
  }

  /** Applies edits to the open text, sends them as incremental changes, and returns the new text. */
  async edit(uri: string, edits: TextEdit[]): Promise<string> {
    const before = this.document(uri);
    const text = TextDocument.applyEdits(before, edits);
    // Sent as one full-range change: the server's incremental sync takes ranges, and this is one.
    const change = { range: { start: { line: 0, character: 0 }, end: before.positionAt(before.getText().length) }, text };
    const after = TextDocument.update(before, [change], before.version + 1);
    this.documents.set(uri, after);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: after.version }, contentChanges: [change] });
    return text;
  }

  /**
   * Sends changes as they are, ranges included, with `version` (by default the next), and
   * returns the text the client then holds. The text is kept as the textdocument library
   * gives it for each change applied to a document made afresh from the text before it: its
   * own edited document can miscount lines after a range past the last line.
   */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], version = this.document(uri).version + 1): Promise<string> {
    let text = this.document(uri).getText();
    for (const change of changes) text = TextDocument.update(TextDocument.create(uri, "markdown", version, text), [change], version).getText();
    this.documents.set(uri, TextDocument.create(uri, "markdown", version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return text;
  }

  /**
   * Writes bytes to the server's input as they are, framing and all. The connection writes a
   * message's header and body separately, so call this only when no message is on its way:
   * every send awaited and every request of the server answered.
   */
  async sendRaw(bytes: Uint8Array | string): Promise<void> {
    await new Promise<void>((resolve, reject) => this.process.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** Every diagnostics notification for a URI so far, oldest first. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** Resolves with the first diagnostics notification for `uri` (after the `seen` ones) that `accept` takes. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, what = "diagnostics"): Promise<PublishDiagnosticsParams> {
    return this.until(() => this.publishedFor(uri).find(accept), `${what} for ${uri}`);
  }

  /** Resolves when `probe` returns a value; fails after 15 s with what was being waited for. */
  async until<T>(probe: () => T | undefined, what: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (this.process.exitCode !== null) throw new Error(`the server exited (${this.process.exitCode}) while waiting for ${what}\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Ends the session as an editor does: shutdown, exit, and the process gone. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      const code = await exited;
      this.connection.dispose();
      return code;
    }
    this.connection.dispose();
    return this.process.exitCode;
  }

  private record(action: () => void): void {
    action();
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
