/** Workspaces on disk for protocol sessions: a temporary folder per test, removed after it. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach } from "vitest";
import { Session, type SessionOptions } from "./session";

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary workspace holding `files` (relative path → content). */
export function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "claimlint-lsp-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** A session on a workspace; the server is stopped (or killed) after the test. */
export async function session(options: Partial<SessionOptions> & { files?: Record<string, string> } = {}): Promise<Session> {
  const root = options.root ?? workspace(options.files);
  const started = await Session.start({ ...options, root });
  cleanups.push(() => {
    if (started.process.exitCode === null) started.process.kill();
    started.connection.dispose();
  });
  return started;
}

/** A draft with one claim of each kind the quick fixes handle. */
export const DRAFT = [
  "# Aid",
  "",
  "Ukraine has lost more than 4,000 troops in a week.",
  "",
  "ATACMS can strike targets 500 km away.",
  "",
  "HIMARS launchers fire rockets that reach about 70 kilometers (80 miles), the Army said.",
  "",
  "The Army Tactical Missile System has a range of up to 300 kilometers.",
  "",
].join("\n");
