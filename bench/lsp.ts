/**
 * The language server as an editor feels it, over stdio: open → first diagnostics, and
 * keystroke → diagnostics (p50/p99) over single-character edits at random places, each timed
 * from sending didChange to receiving publishDiagnostics for that version, serialisation
 * included. Peak RSS is the server's high-water mark from /proc.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { generateDraft } from "./generate";

export interface LspFigures {
  draft: string;
  "open → diagnostics ms": number;
  edits: number;
  "keystroke p50 ms": number;
  "keystroke p99 ms": number;
  "peak RSS MB": number;
}

/** A seeded pseudo-random generator (mulberry32), so every run edits the same places. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Measures one draft size; edits stop early when `budgetMs` is spent, and the count says so. */
export async function measureServer(server: string, label: string, bytes: number, edits: number, budgetMs: number): Promise<LspFigures> {
  const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(child.stdout!, child.stdin!);
  const arrived = new Map<number, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => arrived.get(p.version ?? -1)?.());
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  const published = (version: number) => new Promise<void>((resolve) => arrived.set(version, resolve));

  const root = path.resolve("bench");
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: `file://${root}`, workspaceFolders: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});

  const uri = `file://${root}/generated-${label.replace(/\s/g, "")}.md`;
  let document = TextDocument.create(uri, "markdown", 1, generateDraft(bytes, 42));
  let start = performance.now();
  const opened = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "markdown", version: 1, text: document.getText() } });
  await opened;
  const openMs = performance.now() - start;

  const next = random(7);
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < edits && performance.now() - began < budgetMs; i++) {
    const offset = Math.floor(next() * document.getText().length);
    const at = document.positionAt(offset);
    const change = { range: { start: at, end: at }, text: next() < 0.5 ? "x" : " " };
    document = TextDocument.update(document, [change], document.version + 1);
    const done = published(document.version);
    start = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
    await done;
    times.push(performance.now() - start);
  }
  const rss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  times.sort((a, b) => a - b);
  return {
    draft: label,
    "open → diagnostics ms": Math.round(openMs),
    edits: times.length,
    "keystroke p50 ms": +percentile(times, 50).toFixed(1),
    "keystroke p99 ms": +percentile(times, 99).toFixed(1),
    "peak RSS MB": rss ? Math.round(Number(rss) / 1024) : NaN,
  };
}
