/**
 * What the CLI reports per file, in the shape of spec section 7's JSON output. Every
 * formatter reads these, so positions are computed once and agree across formats.
 */
import type { ClaimEntry } from "../core/claims";
import type { Finding, FindingCode, Severity } from "../core/finding";
import { positionConverter, rangeOf, type Range } from "./positions";

/** One finding, placed in its file with LSP positions. */
export interface CliDiagnostic {
  rule: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
}

/** One claim of the fact-check sheet, placed in its file. */
export interface CliClaim {
  entry: ClaimEntry;
  range: Range;
}

/** The findings of one file; `file` is the path as given or as walked, "-" for stdin. */
export interface FileResult {
  file: string;
  diagnostics: CliDiagnostic[];
  /** For the fact-check sheet (`--format sheet` and `csv`): every claim, instead of the findings. */
  claims?: CliClaim[];
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

/** Places the engine's claims for `text` as the fact-check sheet of `file`. */
export function toClaimsResult(file: string, text: string, claims: readonly ClaimEntry[], sizeNotice?: Finding): FileResult {
  const toPosition = positionConverter(text);
  // A draft over the size limit lists the claims of the part checked, and says so.
  const diagnostics = sizeNotice ? toFileResult(file, text, [sizeNotice]).diagnostics : [];
  return { file, checked: true, diagnostics, claims: claims.map((entry) => ({ entry, range: rangeOf(toPosition, entry.offset, entry.length) })) };
}

/** Findings at warning or above make the exit status 1 (spec section 7). */
function isBlocking(d: { severity: Severity }): boolean {
  return d.severity === "error" || d.severity === "warning";
}

/**
 * Whether a file has findings at warning or above: among its diagnostics or, for the sheet,
 * among the rules that flag its claims (every rule flags a claim, so the two agree).
 */
export function hasBlocking(result: FileResult): boolean {
  return result.diagnostics.some(isBlocking) || !!result.claims?.some((claim) => claim.entry.flaggedBy.some(isBlocking));
}
