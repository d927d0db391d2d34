/**
 * What the VS Code API tests share: the workspace the runner prepared, fresh copies of the
 * example draft, claimlint's diagnostics as VS Code holds them, and waiting for them through
 * `languages.onDidChangeDiagnostics` (never by sleeping: a timeout only bounds a failure).
 */
import { execFileSync } from "node:child_process";
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export const EXTENSION_ID = "claimlint.claimlint";
export const SOURCE = "claimlint";

/** How long a wait for diagnostics may take before the test fails (the first check starts the server). */
const WAIT_MS = 30_000;

/** The workspace folder the runner opened: it holds `draft.md` (examples/draft.md) and a never-opened draft. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the runner opens a workspace folder");
  return folder.uri;
}

export const draftUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), "draft.md");
/** A draft that no test opens: only Check Workspace may put diagnostics on it. */
export const neverOpenedUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), "archive", "never-opened.md");

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The activated extension's export: the running LanguageClient. */
export async function activatedClient(): Promise<LanguageClient> {
  const extension = vscode.extensions.getExtension<LanguageClient>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded from the development path`);
  return extension.activate();
}

/** A diagnostic reduced to what claimlint decides, comparable with the CLI's JSON. */
export interface Finding {
  rule: string;
  severity: string;
  message: string;
  range: [number, number, number, number];
}

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: "error",
  [vscode.DiagnosticSeverity.Warning]: "warning",
  [vscode.DiagnosticSeverity.Information]: "information",
  [vscode.DiagnosticSeverity.Hint]: "hint",
};

/** The rule of a claimlint diagnostic: its `code`, which links to the rule's documentation. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" && code !== null ? code.value : code);
}

export function toFinding(d: vscode.Diagnostic): Finding {
  return { rule: ruleOf(d), severity: SEVERITY_NAMES[d.severity], message: d.message, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] };
}

/** Sorted by position, then rule: the order of the CLI's output is not VS Code's. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

/** claimlint's diagnostics on `uri` (those of other sources, e.g. Markdown's own, left out). */
export function claimlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length === 0 ? "none" : diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(", ");
}

/**
 * Resolves with claimlint's diagnostics on `uri` once `done` holds for them: at once when it
 * already does, else at the first `onDidChangeDiagnostics` for `uri` after which it does.
 */
export function waitForDiagnostics(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = claimlintDiagnostics(uri);
      if (!done(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no diagnostics on ${vscode.workspace.asRelativePath(uri)} with ${what} within ${WAIT_MS / 1000} s; last: ${describe(claimlintDiagnostics(uri))}`));
    }, WAIT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** claimlint's findings on `uri` once they are exactly `expected`. */
export function waitForFindings(uri: vscode.Uri, expected: Finding[], what: string): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify(sortFindings(expected));
  return waitForDiagnostics(uri, (ds) => JSON.stringify(sortFindings(ds.map(toFinding))) === want, what);
}

interface CliReport {
  file: string;
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

/**
 * What the CLI of the same build (dist/cli.js, `--format json`) finds in `file`: the editor must
 * show the same. It runs under the extension host's own executable: Node in code-server, and
 * Electron as Node (ELECTRON_RUN_AS_NODE) in VS Code.
 */
export function cliFindings(file: vscode.Uri): Finding[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const cli = vscode.Uri.joinPath(extension.extensionUri, "dist", "cli.js").fsPath;
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [cli, "--format", "json", file.fsPath], { env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" }, encoding: "utf8" });
  } catch (err) {
    // Exit status 1: findings at warning or error severity, the draft's normal case.
    const failed = err as { status?: number; stdout?: string; stderr?: string };
    if (failed.status !== 1 || !failed.stdout) throw new Error(`claimlint CLI failed on ${file.fsPath}: ${failed.stderr ?? String(err)}`);
    stdout = failed.stdout;
  }
  const [report] = JSON.parse(stdout) as CliReport[];
  assert.ok(report, "the CLI reports the file");
  return report.diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] }));
}

let copies = 0;

/**
 * A fresh copy of the example draft, written to the workspace under `scratch/` (so a test that
 * edits it leaves the others alone), opened in the active editor, with its diagnostics arrived.
 */
export async function openFreshDraft(name: string): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), "scratch", `${++copies}-${name}.md`);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(draftUri()));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = await waitForFindings(uri, cliFindings(uri), "the CLI's findings");
  return { editor, uri, diagnostics };
}

/** The one claimlint diagnostic of `rule` on `line`. */
export function findingOn(diagnostics: readonly vscode.Diagnostic[], rule: string, line: number): vscode.Diagnostic {
  const matches = diagnostics.filter((d) => ruleOf(d) === rule && d.range.start.line === line);
  assert.equal(matches.length, 1, `one ${rule} on line ${line} among ${describe(diagnostics)}`);
  return matches[0]!;
}

/** The line of the draft's text that contains `needle`. */
export function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(needle)) return line;
  throw new Error(`no line holds “${needle}”`);
}

/** Saves what the tests changed (no "save changes?" dialog) and closes every editor. */
export async function closeEverything(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** The quick fixes VS Code offers on `diagnostic`, as the lightbulb would list them. */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider",
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (result ?? []).filter((a): a is vscode.CodeAction => !("command" in a && typeof a.command === "string"));
}

export function titles(actions: readonly { title: string }[]): string {
  return actions.map((a) => a.title).join(" | ");
}
