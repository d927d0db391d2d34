/**
 * Problems in `.claimlintrc.json` and extra reference files, shown where the user can act
 * on them: as diagnostics on the broken file, and once as a notification saying the
 * defaults go on working. Checking never stops for them.
 */
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from "vscode-languageserver";
import { formatConfigProblem } from "../config/config";
import type { FileProblem } from "./project";

export interface ConfigProblems {
  /** The problems of one configuration, as it was (re)built. */
  report(configKey: string, problems: FileProblem[]): void;
  /** A notification, shown once per distinct text. */
  notifyOnce(message: string): void;
  /** Every configuration will be rebuilt: forget what was reported. */
  reset(): void;
}

export function createConfigProblems(connection: Connection): ConfigProblems {
  const byConfig = new Map<string, FileProblem[]>();
  const publishedFiles = new Set<string>();
  const notified = new Set<string>();

  function notifyOnce(message: string) {
    if (notified.has(message)) return;
    notified.add(message);
    connection.console.warn(message);
    // A notification, not a request: nothing waits on the user's answer.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** One diagnostics list per broken file; files that are sound again get an empty list. */
  function publish() {
    const byFile = new Map<string, Diagnostic[]>();
    for (const problems of byConfig.values())
      for (const p of problems) {
        const list = byFile.get(p.path) ?? [];
        const line = Math.max(0, (p.line ?? 1) - 1);
        const character = Math.max(0, (p.column ?? 1) - 1);
        const diagnostic: Diagnostic = {
          range: { start: { line, character }, end: { line, character: character + 1 } },
          severity: DiagnosticSeverity.Error,
          source: "claimlint",
          message: p.message,
        };
        if (!list.some((d) => d.message === diagnostic.message && d.range.start.line === line)) list.push(diagnostic);
        byFile.set(p.path, list);
      }
    for (const file of publishedFiles) if (!byFile.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    publishedFiles.clear();
    for (const [file, diagnostics] of byFile) {
      publishedFiles.add(file);
      void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    }
  }

  return {
    report(configKey, problems) {
      byConfig.set(configKey, problems);
      publish();
      if (problems.length === 0) return;
      const files = [...new Set(problems.map((p) => p.path))];
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more in ${files.join(", ")})` : "";
      notifyOnce(`claimlint: ${formatConfigProblem(first)}${more}. Checking goes on with the defaults for what could not be read.`);
    },
    notifyOnce,
    reset() {
      byConfig.clear();
      notified.clear();
      publish();
    },
  };
}
