/**
 * What the CLI reports per file, in the shape of spec section 7's JSON output. Every
 * formatter reads these, so positions are computed once and agree across formats.
 */
import type { Finding, FindingCode, Severity } from "../core/finding";
import { positionConverter, rangeOf, type Range } from "./positions";

/** One finding, placed in its file with LSP positions. */
export interface CliDiagnostic {
  rule: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
}

/** The findings of one file; `file` is the path as given or as walked, "-" for stdin. */
export interface FileResult {
  file: string;
  diagnostics: CliDiagnostic[];
  /** False for a file that could not be read or decoded: no diagnostics, but not clean either. */
  checked: boolean;
}

/** Places the engine's findings for `text` as diagnostics of `file`. */
export function toFileResult(file: string, text: string, findings: readonly Finding[]): FileResult {
  const toPosition = positionConverter(text);
  return {
    file,
    checked: true,
    diagnostics: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: rangeOf(toPosition, f.offset, f.length),
    })),
  };
}

/** Findings at warning or above make the exit status 1 (spec section 7). */
export function isBlocking(d: CliDiagnostic): boolean {
  return d.severity === "error" || d.severity === "warning";
}
