/**
 * `claimlint/claims`: the fact-check sheet of an open draft, for an editor's view of it. The
 * answer is for the draft's current text, and its claims are placed as the LSP places things,
 * with ranges, so an editor can select one. VS Code's claims sheet asks again each time the
 * draft's diagnostics are published; any other editor may ask whenever it likes.
 *
 * Nothing here is imported at run time, so the VS Code client shares these names and types.
 */
import type { Position, Range } from "vscode-languageserver-textdocument";
import type { ClaimEntry } from "../core/claims";
import type { ClaimStanding } from "../core/sheet-cells";

export const CLAIMS_REQUEST = "claimlint/claims";

export interface ClaimsParams {
  uri: string;
}

export interface ClaimsResult {
  /**
   * The version of the draft the claims are for; null when the server holds no such open
   * draft, or checking is off for it (`claimlint.enable`), and `claims` is then empty.
   */
  version: number | null;
  /** The draft's claims in document order (see ClaimEntry), the first MOST_CLAIMS of them. */
  claims: SheetClaim[];
  /** How many claims the draft holds, listed or not. */
  total: number;
  /** For a draft over the size limit, where checking stops: its claims are those before it. */
  sizeNotice?: string;
}

/**
 * The most claims one answer lists. A sheet is read row by row, and a draft with more claims
 * than this (some 800 KB of copy) would cost the server a long pause to place and send them
 * all, after every check; the answer says how many there are.
 */
export const MOST_CLAIMS = 5_000;

/** A claim of the sheet: its entry, placed by a range instead of offsets. */
export interface SheetClaim extends ClaimStanding {
  range: Range;
}

/** Places the engine's claims in the draft they were read from. */
export function sheetClaims(entries: readonly ClaimEntry[], positionAt: (offset: number) => Position): SheetClaim[] {
  return entries.slice(0, MOST_CLAIMS).map(({ offset, length, source, ...standing }) => ({
    ...standing,
    // The source figures stay on the server: the sheet names the first by file and line.
    ...(source && { source: { status: source.status, file: source.file, line: source.line } }),
    range: { start: positionAt(offset), end: positionAt(offset + length) },
  }));
}
