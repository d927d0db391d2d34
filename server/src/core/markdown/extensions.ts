/**
 * Lezer Markdown extensions for the constructs GFM leaves out but news drafts use:
 * footnotes (`[^1]` cites its sentence; `[^1]: …` is a citation, not prose) and math
 * (`$$ … $$` blocks and `$…$` inline, never prose). Front matter is cut off before
 * parsing (see frontMatterEnd) rather than parsed, so it can never swallow the text after it.
 */
import type { BlockContext, InlineContext, Line, MarkdownConfig } from "@lezer/markdown";

const DOLLAR = 36;
const OPEN_BRACKET = 91;
const CARET = 94;

/** `[^label]` as a FootnoteReference, `[^label]: text` (until a blank line) as a FootnoteDefinition. */
export const Footnotes: MarkdownConfig = {
  defineNodes: [{ name: "FootnoteDefinition", block: true }, "FootnoteReference"],
  parseBlock: [
    {
      name: "FootnoteDefinition",
      before: "LinkReference",
      parse(cx: BlockContext, line: Line) {
        if (!/^\[\^[^\]\s]+\]:/.test(line.text.slice(line.pos))) return false;
        const from = cx.lineStart + line.pos;
        let to = cx.lineStart + line.text.length;
        while (cx.nextLine() && line.text.trim() !== "") to = cx.lineStart + line.text.length;
        cx.addElement(cx.elt("FootnoteDefinition", from, to));
        return true;
      },
    },
  ],
  parseInline: [
    {
      name: "FootnoteReference",
      before: "Link",
      parse(cx: InlineContext, next: number, pos: number) {
        if (next !== OPEN_BRACKET || cx.char(pos + 1) !== CARET) return -1;
        const m = /^\[\^[^\]\s]+\]/.exec(cx.slice(pos, Math.min(cx.end, pos + 64)));
        if (!m || cx.char(pos + m[0].length) === 58 /* ':' */) return -1;
        return cx.addElement(cx.elt("FootnoteReference", pos, pos + m[0].length));
      },
    },
  ],
};

/**
 * `$$` blocks run to the next `$$` line. Inline `$…$` follows Pandoc's rule (no space inside
 * the dollars, the closing one not followed by a digit) and in addition never opens before a
 * digit: in news copy `$61 billion … $113 billion` is money far more often than math.
 */
export const MathSyntax: MarkdownConfig = {
  defineNodes: [{ name: "MathBlock", block: true }, "InlineMath"],
  parseBlock: [
    {
      name: "MathBlock",
      before: "FencedCode",
      parse(cx: BlockContext, line: Line) {
        if (!line.text.startsWith("$$", line.pos)) return false;
        const from = cx.lineStart + line.pos;
        let closed = line.text.indexOf("$$", line.pos + 2) >= 0;
        let to = cx.lineStart + line.text.length;
        while (!closed && cx.nextLine()) {
          to = cx.lineStart + line.text.length;
          closed = line.text.includes("$$");
        }
        cx.nextLine();
        cx.addElement(cx.elt("MathBlock", from, to));
        return true;
      },
    },
  ],
  parseInline: [
    {
      name: "InlineMath",
      before: "Escape",
      parse(cx: InlineContext, next: number, pos: number) {
        if (next !== DOLLAR) return -1;
        const after = cx.char(pos + 1);
        if (after === DOLLAR) {
          const close = cx.slice(pos + 2, cx.end).indexOf("$$");
          return close < 0 ? -1 : cx.addElement(cx.elt("InlineMath", pos, pos + 2 + close + 2));
        }
        if (isSpace(after) || isDigit(after) || after < 0) return -1;
        for (let i = pos + 1; i < cx.end; i++) {
          const c = cx.char(i);
          if (c === 10) return -1; // inline math stays on one line here
          if (c === DOLLAR && !isSpace(cx.char(i - 1)) && !isDigit(cx.char(i + 1))) {
            return cx.addElement(cx.elt("InlineMath", pos, i + 1));
          }
        }
        return -1;
      },
    },
  ],
};

/**
 * Block quotes and lists nest at most MAX_NESTING deep; deeper markers are passed over as
 * markup, and what follows them on the line reads as a paragraph, so its figures are still
 * checked. The parser re-measures every open container on every line, which makes thousands
 * of levels quadratic or worse; no draft nests that deep (markdown-it stops at 20 in its
 * CommonMark preset).
 */
const MAX_NESTING = 32;

export const NestingLimit: MarkdownConfig = {
  parseBlock: [
    {
      name: "NestingLimit",
      before: "Blockquote",
      parse(cx: BlockContext, line: Line) {
        // The document itself is the first context on the stack.
        if (cx.depth <= MAX_NESTING) return false;
        const text = line.text;
        let pos = line.pos;
        for (let end = markerEnd(text, pos); end > pos; end = markerEnd(text, pos)) pos = skipSpaces(text, end);
        if (pos === line.pos) return false;
        if (pos < text.length) {
          const from = cx.lineStart + pos;
          cx.addElement(cx.elt("Paragraph", from, cx.lineStart + text.length, cx.parser.parseInline(text.slice(pos), from)));
        }
        cx.nextLine();
        return true;
      },
    },
  ],
};

/** The end of a block quote marker, or of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space or the line end, at `pos`; `pos` when there is none. */
function markerEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 62 /* '>' */) return pos + 1;
  let end = pos;
  if (c === 45 || c === 43 || c === 42) end++;
  else {
    while (end < text.length && end - pos < 9 && isDigit(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    if (end === pos || (after !== 46 && after !== 41)) return pos;
    end++;
  }
  return end === text.length || isSpace(text.charCodeAt(end)) ? end : pos;
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The end offset of YAML (`---`) or TOML (`+++`) front matter at the very start of the text
 * (after an optional BOM), or 0 when there is none. An unclosed fence is not front matter.
 */
export function frontMatterEnd(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fence = text.startsWith("---", start) ? "---" : text.startsWith("+++", start) ? "+++" : null;
  if (!fence) return 0;
  let lineEnd = endOfLine(text, start);
  if (text.slice(start + 3, lineEnd).trim() !== "") return 0;
  while (lineEnd < text.length) {
    const lineStart = nextLineStart(text, lineEnd);
    lineEnd = endOfLine(text, lineStart);
    const line = text.slice(lineStart, lineEnd).trim();
    if (line === fence || (fence === "---" && line === "...")) return nextLineStart(text, lineEnd);
  }
  return 0;
}

function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return Math.min(text.length, lineEnd + 1);
}
