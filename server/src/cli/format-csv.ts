/**
 * `--format csv`: the fact-check sheet as RFC 4180 CSV, for a spreadsheet: a header row, then
 * one row per claim with the file it is in first, each row ended by CRLF.
 */
import type { FileResult } from "./results";
import { SHEET_COLUMNS, sheetCells } from "../core/sheet-cells";

/** The CSV for `results`; a file with no claims (or not checked) has no rows, but for a size-limit notice. */
export function formatCsv(results: readonly FileResult[]): string {
  const rows = [["File", ...SHEET_COLUMNS]];
  for (const result of results) {
    for (const [i, claim] of (result.claims ?? []).entries()) rows.push([result.file, ...sheetCells(claim.entry, i, claim.range.start.line)]);
    // A draft checked only up to the size limit says so in a row of its own, with no number.
    for (const d of result.diagnostics) rows.push([result.file, "", String(d.range.start.line + 1), d.message, "", "", ""]);
  }
  return rows.map((row) => row.map(field).join(",") + "\r\n").join("");
}

/**
 * A field as RFC 4180 writes it, quoted when it holds a comma, a quotation mark or a line
 * break. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
 * return before one) as a formula, and a draft's words or a file's name may start so: such a
 * field gets a leading `'`, which spreadsheets take as "this is text".
 */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
