/**
 * The messages between the extension and the claims sheet's page (a webview). The page only
 * lays out what it is sent: the wording of every cell is the extension's (see
 * client/src/claims-sheet-page.ts), shared with the CLI's sheet.
 */

/** How a cell reads at a glance: the colour of a diagnostic of that severity, or of a check passed. */
export type Tone = "error" | "warning" | "information" | "hint" | "passed";

export interface SheetCell {
  text: string;
  tone?: Tone;
}

/** A place in the draft, as the LSP counts it (lines and UTF-16 characters from 0). */
export interface SheetRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface SheetRow {
  cells: SheetCell[];
  /** Where the claim is in the draft: a click on the row selects it there. */
  range: SheetRange;
}

/** What the extension sends the page. */
export type ToSheet =
  /** The draft's claims, in document order, one cell per column. */
  | { type: "claims"; summary: string; columns: string[]; rows: SheetRow[] }
  /** The server does not check the draft: checking is off for it, or it was closed. */
  | { type: "unchecked" };

/** What the page sends the extension: it has loaded, or a row was chosen. */
export type FromSheet = { type: "ready" } | { type: "reveal"; range: SheetRange };
