/**
 * The language server as an editor feels it, over stdio: start-up (spawning the process to
 * the first diagnostics of a draft opened straight after initialisation), open → first
 * diagnostics, and keystroke → diagnostics (p50/p99) over single-character edits at seeded
 * random places, each timed from sending didChange to receiving publishDiagnostics for that
 * version, serialisation included. Memory comes from /proc: the high-water mark (VmHWM), and
 * the resident size (VmRSS) with the draft still open once the edits have settled.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  type ClientCapabilities,
  createProtocolConnection,
  DiagnosticTag,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from "vscode-languageserver-protocol/node";
import { DraftDocument } from "../server/src/lsp/draft-document";
import { generateDraft } from "./generate";
import { Random } from "./random";

/** What VS Code says it shows of a diagnostic, so the server sends what VS Code would get. */
const EDITOR: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated] } },
  },
};

export interface LspFigures {
  draft: string;
  "start → diagnostics ms": number;
  "open → diagnostics ms": number;
  edits: number;
  "keystroke p50 ms": number;
  "keystroke p99 ms": number;
  "peak RSS MB": number;
  "open RSS MB": number;
}

/** How long the server is left idle after the last edit before its resident size is read. */
const SETTLE_MS = 1000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Measures one draft size; edits stop early when `budgetMs` is spent, and the count says so. */
export async function measureServer(server: string, label: string, bytes: number, edits: number, budgetMs: number): Promise<LspFigures> {
  const root = path.resolve("bench");
  const uri = `file://${root}/generated-${label.replace(/\s/g, "")}.md`;
  // The client's copy of the draft is kept in chunks, as an editor keeps it (VS Code's piece
  // tree), not rebuilt whole on every keystroke: that would be the client's garbage, collected
  // inside the timings.
  const document = DraftDocument.create(uri, "markdown", 1, generateDraft(bytes, 42));

  const spawned = performance.now();
  const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(child.stdout!, child.stdin!);
  const arrived = new Map<number, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => arrived.get(p.version ?? -1)?.());
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  const published = (version: number) => new Promise<void>((resolve) => arrived.set(version, resolve));

  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: `file://${root}`, workspaceFolders: null, capabilities: EDITOR });
  await connection.sendNotification(InitializedNotification.type, {});

  let start = performance.now();
  const opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version: 1, text: document.getText() } });
  await opened;
  const openMs = performance.now() - start;
  const startupMs = performance.now() - spawned;

  const random = new Random(7);
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < edits && performance.now() - began < budgetMs; i++) {
    const offset = Math.floor(random.next() * document.snapshot().length);
    const at = document.positionAt(offset);
    const change = { range: { start: at, end: at }, text: random.chance(0.5) ? "x" : " " };
    document.update([change], document.version + 1);
    const done = published(document.version);
    start = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
    await done;
    times.push(performance.now() - start);
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  times.sort((a, b) => a - b);
  return {
    draft: label,
    "start → diagnostics ms": Math.round(startupMs),
    "open → diagnostics ms": Math.round(openMs),
    edits: times.length,
    "keystroke p50 ms": +percentile(times, 50).toFixed(1),
    "keystroke p99 ms": +percentile(times, 99).toFixed(1),
    "peak RSS MB": megabytes(status, "VmHWM"),
    "open RSS MB": megabytes(status, "VmRSS"),
  };
}

/** A memory figure of /proc/<pid>/status (given in kB) in MB. */
function megabytes(status: string, field: string): number {
  const kB = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  return kB ? Math.round(Number(kB) / 1024) : NaN;
}
