/**
 * Direct quotations within a block. A figure inside a quotation is attributed when its
 * speaker is named outside it: before the opening mark in the same sentence
 * (`Zelensky told parliament: “…”`) or after the closing mark (`“…,” the lawmakers said.`),
 * also when the quotation runs over several sentences.
 */
import { lastAtOrBefore } from "./sorted";

/** A quotation as prose offsets of its opening and closing marks (close is -1 if unclosed). */
export interface Quotation {
  open: number;
  close: number;
}

const OPEN_CURLY = "\u201c";
const CLOSE_CURLY = "\u201d";

/** Finds the double quotations of a block: curly pairs, and straight quotes taken in turns. */
export function findQuotations(text: string): Quotation[] {
  const quotes: Quotation[] = [];
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === OPEN_CURLY) {
      if (curlyOpen < 0) curlyOpen = i;
    } else if (c === CLOSE_CURLY) {
      if (curlyOpen >= 0) quotes.push({ open: curlyOpen, close: i });
      curlyOpen = -1;
    } else if (c === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        quotes.push({ open: straightOpen, close: i });
        straightOpen = -1;
      }
    }
  }
  if (curlyOpen >= 0) quotes.push({ open: curlyOpen, close: -1 });
  return quotes.sort((a, b) => a.open - b.open);
}

/** The block's text with every quotation's words blanked out: what the narrator says. */
export function narration(text: string, quotes: Quotation[]): string {
  if (quotes.length === 0) return text;
  let out = "";
  let pos = 0;
  for (const q of quotes) {
    if (q.open < pos) continue;
    const end = q.close < 0 ? text.length : q.close;
    out += text.slice(pos, q.open + 1) + " ".repeat(Math.max(0, end - q.open - 1));
    pos = end;
  }
  return out + text.slice(pos);
}

/** The quotation that holds prose offset `at`, if any. */
export function quotationAt(quotes: Quotation[], at: number): Quotation | undefined {
  const q = quotes[lastAtOrBefore(quotes, at - 1, (x) => x.open)];
  return q && (q.close < 0 || at < q.close) ? q : undefined;
}
