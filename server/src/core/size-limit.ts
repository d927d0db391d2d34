/**
 * How much of a draft is checked. A draft longer than the limit is checked up to it, at a
 * line break where one is near, and one notice at that point says the rest is not: nothing
 * goes unchecked silently, and no draft can make a check run without end.
 */
import type { DraftText } from "./draft-text";
import { SIZE_LIMIT, type Finding } from "./finding";

/** The default limit, in characters: about 20 MB of English text, far past any article or report. */
export const DEFAULT_MAX_DRAFT_SIZE = 20_000_000;

/** How far back from the limit a line break is looked for; past it, the cut is at the limit itself. */
const LINE_SEARCH = 64 * 1024;
/** The notice underlines the first unchecked line, up to this many characters of it. */
const NOTICE_LENGTH = 200;

export interface CheckedPart {
  /** The text checked: the draft itself, or its first part. */
  text: DraftText;
  /** For a draft cut short, the notice that says so. */
  notice?: Finding;
}

/** The part of `draft` checked under a limit of `limit` characters. */
export function checkedPart(draft: DraftText, limit: number): CheckedPart {
  if (draft.length <= limit) return { text: draft };
  const cut = cutAt(draft, limit);
  const rest = draft.slice(cut, Math.min(draft.length, cut + NOTICE_LENGTH));
  const lineEnd = rest.search(/[\r\n]/);
  const notice: Finding = {
    rule: SIZE_LIMIT,
    severity: "information",
    offset: cut,
    length: Math.max(1, lineEnd < 0 ? rest.length : lineEnd),
    message: `Only the first ${cut.toLocaleString("en-US")} of the draft's ${draft.length.toLocaleString("en-US")} characters are checked (maxDraftSize is ${limit.toLocaleString("en-US")}): from here on, nothing is.`,
    fixes: [],
  };
  return { text: { length: cut, slice: (from, to) => draft.slice(from, Math.min(to, cut)) }, notice };
}

/** Just after the last line break before the limit, or at the limit (never inside a surrogate pair). */
function cutAt(draft: DraftText, limit: number): number {
  const before = draft.slice(Math.max(0, limit - LINE_SEARCH), limit);
  const lineBreak = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
  if (lineBreak >= 0) return limit - before.length + lineBreak + 1;
  const last = before.charCodeAt(before.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
}
