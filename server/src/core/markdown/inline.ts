/**
 * The inline pass, made cheap for prose and bounded for anything else.
 */
import { Autolink, type Element, type InlineContext, type MarkdownConfig, type MarkdownParser } from "@lezer/markdown";

/**
 * What any of the parser's inline syntaxes starts with: escapes, entities, code, HTML and
 * autolinks, emphasis, strikethrough, links, images and footnote references, inline math,
 * GFM's bare URLs and e-mail addresses, and hard breaks. Most lines of news copy hold none of
 * them, and the inline parser's cost is a pass over every character with every syntax; a text
 * without them parses to no inline nodes, so it is answered at once. (Keep this in step with
 * the syntaxes configured: a test compares it with the parser left alone. A hard break is two
 * spaces or more before a line end; two are enough to look for.)
 */
const INLINE_MARKUP = /[\\&`<*_~[\]$@]|www\.|https?:\/\/|mailto:|xmpp:| {2}\n/;

/**
 * The marks the parser pairs: each closing emphasis or link mark scans back over every mark
 * still open, and each opening code or math mark scans ahead for its closer. That is
 * quadratic in the marks of one block, so a block with more than MOST_PAIRED_MARKS of them
 * is parsed in pieces that each hold at most that many, cut at a line break where one is near.
 * No paragraph of copy comes close; a line of ten thousand asterisks does.
 */
const PAIRED_MARK = /[*_~[\]$`]/g;
const MOST_PAIRED_MARKS = 256;

/** Makes `parser.parseInline` skip plain text and stay linear on text dense with marks. */
export function boundInlineParsing(parser: MarkdownParser): MarkdownParser {
  const parseEveryInline = parser.parseInline.bind(parser);
  const parsePiece = (text: string, offset: number): Element[] => {
    const outer = plainRunsSkipped;
    plainRunsSkipped = !text.includes("@");
    try {
      return parseEveryInline(text, offset);
    } finally {
      plainRunsSkipped = outer;
    }
  };
  parser.parseInline = (text: string, offset: number): Element[] => {
    if (!INLINE_MARKUP.test(text)) return [];
    const cuts = piecesOf(text);
    if (cuts.length === 0) return parsePiece(text, offset);
    const elements: Element[] = [];
    let from = 0;
    for (const to of [...cuts, text.length]) {
      elements.push(...parsePiece(text.slice(from, to), offset + from));
      from = to;
    }
    return elements;
  };
  return parser;
}

/**
 * Whether PlainRun may pass over the text being parsed: not when it holds an `@`, as a bare
 * e-mail address may then start at any word (see QuickAutolink); and not outside
 * boundInlineParsing, which knows the text.
 */
let plainRunsSkipped = false;

/**
 * Characters where some inline syntax may start: `$` math, `\` escapes and hard breaks, `&`
 * entities, `` ` `` code, `<` HTML and comments, `*` and `_` emphasis, `~` strikethrough, `[`
 * links and footnote references, `!` images, `]` link ends, and `w`, `h`, `m`, `x`, where a
 * bare URL may (see QuickAutolink). Two spaces may start a hard break. (Keep this in step with
 * the syntaxes configured: the parser test compares trees with the parser left alone.)
 */
const MAY_START = new Uint8Array(128);
for (const c of "$\\&`<*_~[]!whmx") MAY_START[c.charCodeAt(0)] = 1;
const SPACE = 32;

const mayStart = (c: number, next: number) => (c < 128 && MAY_START[c] === 1) || (c === SPACE && next === SPACE);

/**
 * Passes over a run of characters where no inline syntax can start. The parser tries every
 * inline syntax at every character of a block with markup, so in a paragraph with one link
 * each of its characters was tried thirteen times; tried first, this returns the run's end,
 * and the parser goes on from there.
 */
export const PlainRun: MarkdownConfig = {
  parseInline: [
    {
      name: "PlainRun",
      before: "InlineMath",
      parse(cx: InlineContext, next: number, absolute: number): number {
        if (!plainRunsSkipped) return -1;
        const text = cx.text;
        let at = absolute - cx.offset;
        if (mayStart(next, text.charCodeAt(at + 1))) return -1;
        for (at++; at < text.length && !mayStart(text.charCodeAt(at), text.charCodeAt(at + 1)); at++);
        return cx.offset + at;
      },
    },
  ],
};

/** Where to cut `text` so that no piece holds more than MOST_PAIRED_MARKS paired marks; none for most text. */
function piecesOf(text: string): number[] {
  const cuts: number[] = [];
  if (text.length <= MOST_PAIRED_MARKS) return cuts;
  let pieceStart = 0;
  let marks = 0;
  PAIRED_MARK.lastIndex = 0;
  for (let m = PAIRED_MARK.exec(text); m; m = PAIRED_MARK.exec(text)) {
    if (++marks <= MOST_PAIRED_MARKS) continue;
    const cut = cutBefore(text, pieceStart, m.index);
    cuts.push(cut);
    pieceStart = cut;
    marks = countMarks(text, cut, m.index + 1);
  }
  return cuts;
}

/** The best place to end a piece that must end by `end`: after a line break, else after a space, else `end`. */
function cutBefore(text: string, pieceStart: number, end: number): number {
  let space = -1;
  for (let i = end - 1; i > pieceStart; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 32 && space < 0) space = i;
  }
  return space > 0 ? space + 1 : end;
}

function countMarks(text: string, from: number, to: number): number {
  let marks = 0;
  for (let i = from; i < to; i++) if ("*_~[]$`".includes(text[i])) marks++;
  return marks;
}

const gfmAutolink = Autolink.parseInline![0].parse;
const LOWER_W = 119;
const LOWER_H = 104;
const LOWER_M = 109;
const LOWER_X = 120;
const AT_SIGN = 64;
/** The longest local part GFM reads before the `@` of a bare e-mail address. */
const LONGEST_LOCAL_PART = 100;

/**
 * GFM's bare URLs and e-mail addresses, tried only where one can start: a URL at `w`, `h`,
 * `m` or `x` (`www.`, `http`, `mailto:`, `xmpp:`), an address where a word's characters run
 * into an `@`. The parser tries every inline syntax at every character of a block with
 * markup, and GFM's own test builds a regular expression at each word it tries: a tenth of a
 * check's garbage. Where it is tried, GFM's own test decides.
 */
export const QuickAutolink: MarkdownConfig = {
  parseInline: [
    {
      name: "Autolink",
      parse(cx: InlineContext, next: number, absolute: number): number {
        if (next === LOWER_W || next === LOWER_H || next === LOWER_M || next === LOWER_X || startsAddress(cx.text, absolute - cx.offset)) return gfmAutolink(cx, next, absolute);
        return -1;
      },
    },
  ],
};

/** Whether a local part starts at `at`, not inside a word, and runs into an `@` within GFM's reach. */
function startsAddress(text: string, at: number): boolean {
  if (at > 0 && isWordCharacter(text.charCodeAt(at - 1))) return false;
  let end = at;
  while (end - at < LONGEST_LOCAL_PART && isLocalPartCharacter(text.charCodeAt(end))) end++;
  return end > at && text.charCodeAt(end) === AT_SIGN;
}

/** `\w` as GFM's expressions read it: ASCII letters, digits and the underscore. */
function isWordCharacter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `[\w.+-]`. */
function isLocalPartCharacter(c: number): boolean {
  return isWordCharacter(c) || c === 46 || c === 43 || c === 45;
}
