/**
 * The fact-check sheet's rows, shared by `--format sheet` (a Markdown table) and `--format csv`:
 * one row per claim, worded as the editor's claims sheet words it (see core/sheet-cells).
 */
import { sheetCells } from "../core/sheet-cells";
import type { CliClaim } from "./results";

export { SHEET_COLUMNS } from "../core/sheet-cells";

/** The cells of a file's claim number `index` (from 0), in the order of SHEET_COLUMNS. */
export function sheetRow(claim: CliClaim, index: number): string[] {
  return sheetCells(claim.entry, index, claim.range.start.line);
}
