/**
 * `--format text`, the default: one line per finding in the `path:line:col` style other
 * linters use (editors and terminals make it clickable), then a summary line.
 */
import type { Severity } from "../core/finding";
import type { FileResult } from "./results";

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "information", "hint"];

/** The report for `results`; lines and columns are 1-based, columns in UTF-16 units. */
export function formatText(results: readonly FileResult[]): string {
  if (results.length === 0) return "No Markdown files checked.\n";
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithProblems = 0;
  const checked = results.filter((r) => r.checked);
  // A file that could not be read is neither clean nor counted as such; standard error says why.
  const unchecked = results.length - checked.length;
  const uncheckedNote = unchecked > 0 ? `; ${plural(unchecked, "file")} could not be checked` : "";
  for (const result of checked) {
    if (result.diagnostics.length > 0) filesWithProblems++;
    for (const d of result.diagnostics) {
      counts[d.severity]++;
      const where = `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      // A message with a line break would split the one-line-per-finding contract. A run of
      // white space is matched from its start only (the lookbehind), else each of its
      // characters would start a search that reads the rest of the run.
      const message = d.message.replace(/(?<!\s)\s*[\r\n]+\s*/g, " ");
      lines.push(`${where}  ${d.severity}  ${message}  ${d.rule}`);
    }
  }
  const total = lines.length;
  if (total === 0) return `No problems found in ${plural(checked.length, "file")}${uncheckedNote}.\n`;
  const bySeverity = SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => countOf(counts[s], s));
  lines.push("", `${plural(total, "problem")} (${bySeverity.join(", ")}) in ${plural(filesWithProblems, "file")}${uncheckedNote}`);
  return lines.join("\n") + "\n";
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "information" is a mass noun: "2 information", not "2 informations". */
function countOf(n: number, severity: Severity): string {
  return severity === "information" ? `${n} information` : plural(n, severity);
}
