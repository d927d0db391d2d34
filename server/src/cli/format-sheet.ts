/**
 * `--format sheet`: the fact-check sheet as Markdown, a heading per file and a table of its
 * claims, for a desk editor's checklist (it renders on GitHub and in any Markdown viewer).
 */
import type { FileResult } from "./results";
import { SHEET_COLUMNS, sheetCells } from "../core/sheet-cells";

/** The sheet for `results`: every file named appears, with a line saying so when it has no claims. */
export function formatSheet(results: readonly FileResult[]): string {
  if (results.length === 0) return "No Markdown files checked.\n";
  const parts = results.map((result) => {
    const heading = `## ${oneLine(result.file)}`;
    if (!result.checked) return `${heading}\n\nNot checked: see the reason on standard error.\n`;
    const claims = result.claims ?? [];
    const cut = result.diagnostics.map((d) => `\nLine ${d.range.start.line + 1}: ${oneLine(d.message)}\n`).join("");
    if (claims.length === 0) return `${heading}\n\nNo claims.\n${cut}`;
    const rows = [SHEET_COLUMNS.map(cell), SHEET_COLUMNS.map(() => "---"), ...claims.map((claim, i) => sheetCells(claim.entry, i, claim.range.start.line).map(cell))];
    return `${heading}\n\n${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}\n${cut}`;
  });
  return parts.join("\n");
}

/**
 * A table cell's text: a pipe would end the cell and a line break the row, so pipes (and the
 * backslashes that could escape them) are escaped and line breaks become spaces.
 */
function cell(text: string): string {
  return oneLine(text).replace(/[\\|]/g, "\\$&");
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
