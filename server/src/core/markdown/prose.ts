/**
 * Markdown to prose: the text a reader sees, block by block, with a map back to the source.
 * Only prose is checked (spec section 1): code, HTML, URLs, reference and footnote
 * definitions, front matter and math never reach the rules.
 */
import { GFM, parser as commonmark } from "@lezer/markdown";
import type { SyntaxNode, TreeCursor } from "@lezer/common";
import { Footnotes, MathSyntax, frontMatterEnd } from "./extensions";
import { decodeEntity } from "./entities";
import { OffsetMap } from "./offset-map";
import { lastAtOrBefore } from "../sorted";

const markdown = commonmark.configure([GFM, Footnotes, MathSyntax]);

/** Stands in the prose for inline code, autolinks and inline math: not a word, not a number. */
export const PLACEHOLDER = "\uFFFC";

export type BlockKind = "paragraph" | "heading" | "table-cell";

/** A block of prose: a paragraph, heading or table cell. Sentences never cross blocks. */
export interface ProseBlock {
  kind: BlockKind;
  text: string;
  map: OffsetMap;
  /** Source range of the block. */
  from: number;
  to: number;
  /** Prose offsets of links and footnote references: each cites the sentence it sits in. */
  citations: number[];
  /** The paragraph ending with a colon that introduces the list or table this block is in. */
  leadIn?: ProseBlock;
}

/** An HTML comment in prose or between blocks (where directives live). */
export interface HtmlComment {
  from: number;
  to: number;
  body: string;
}

export interface ParsedDraft {
  blocks: ProseBlock[];
  comments: HtmlComment[];
}

const SKIPPED_BLOCKS = new Set([
  "FencedCode",
  "CodeBlock",
  "HTMLBlock",
  "ProcessingInstructionBlock",
  "LinkReference",
  "FootnoteDefinition",
  "MathBlock",
  "HorizontalRule",
]);
const TEXT_BLOCKS: Record<string, BlockKind> = {
  Paragraph: "paragraph",
  ATXHeading1: "heading",
  ATXHeading2: "heading",
  ATXHeading3: "heading",
  ATXHeading4: "heading",
  ATXHeading5: "heading",
  ATXHeading6: "heading",
  SetextHeading1: "heading",
  SetextHeading2: "heading",
  TableCell: "table-cell",
};
/** Inline markup whose characters are not prose. */
const MARKS = new Set([
  "EmphasisMark",
  "LinkMark",
  "LinkTitle",
  "LinkLabel",
  "Image",
  "HTMLTag",
  "QuoteMark",
  "HeaderMark",
  "TaskMarker",
  "StrikethroughMark",
  "ListMark",
]);
/** Inline nodes a reader sees as one opaque token. */
const OPAQUE = new Set(["InlineCode", "Autolink", "InlineMath", "URL"]);

/** Parses a draft into prose blocks and the HTML comments that may carry directives. */
export function parseDraft(source: string): ParsedDraft {
  const { text: parsed, toSource } = parserText(source);
  const start = frontMatterEnd(parsed);
  const tree = markdown.parse(start ? blankOut(parsed, start) : parsed);
  const blocks: ProseBlock[] = [];
  const comments: HtmlComment[] = [];
  const byStart = new Map<number, ProseBlock>();
  const leadIns: (ProseBlock | undefined)[] = [];

  tree.iterate({
    from: start,
    enter(ref) {
      const name = ref.name;
      if (name === "CommentBlock") {
        comments.push(comment(source, toSource(ref.from), toSource(ref.to)));
        return false;
      }
      if (SKIPPED_BLOCKS.has(name)) return false;
      if (name === "BulletList" || name === "OrderedList" || name === "Table") {
        leadIns.push(leadInOf(ref.node, byStart, toSource) ?? leadIns[leadIns.length - 1]);
        return true;
      }
      const kind = TEXT_BLOCKS[name];
      if (!kind) return true;
      const block = buildBlock(ref.node, source, toSource, kind, comments);
      block.leadIn = leadIns[leadIns.length - 1];
      blocks.push(block);
      if (kind === "paragraph") byStart.set(block.from, block);
      return false;
    },
    leave(ref) {
      if (ref.name === "BulletList" || ref.name === "OrderedList" || ref.name === "Table") leadIns.pop();
    },
  });
  return { blocks, comments };
}

/** Longer runs of spaces are shortened for the parser: its hard-break scan is quadratic in a run. */
const LONGEST_SPACE_RUN = 256;
const NEEDS_REWRITE = new RegExp(`\\r| {${LONGEST_SPACE_RUN + 1}}`);
const REWRITTEN = new RegExp(`\\r\\n?| {${LONGEST_SPACE_RUN + 1},}`, "g");

/**
 * The text the parser sees: every line ends in a plain LF, the only line end it fully
 * understands (a CR left before the LF breaks table rows, HTML block ends and blank lines),
 * and no run of spaces is longer than LONGEST_SPACE_RUN (which still reads as the same
 * indentation or break). `toSource` takes a parser offset back to the original text.
 */
function parserText(source: string): { text: string; toSource: (offset: number) => number } {
  if (!NEEDS_REWRITE.test(source)) return { text: source, toSource: (o) => o };
  /** Where characters were dropped: after parser offset `at`, `removed` in all so far. */
  const drops: { at: number; removed: number }[] = [];
  let removed = 0;
  const text = source.replace(REWRITTEN, (match: string, at: number) => {
    if (match === "\r") return "\n";
    if (match === "\r\n") {
      removed += 1;
      drops.push({ at: at - removed + 1, removed });
      return "\n";
    }
    const kept = " ".repeat(LONGEST_SPACE_RUN);
    const lastKept = at - removed + LONGEST_SPACE_RUN - 1;
    removed += match.length - LONGEST_SPACE_RUN;
    drops.push({ at: lastKept, removed });
    return kept;
  });
  return {
    text,
    toSource: (o) => {
      const i = lastAtOrBefore(drops, o - 1, (d) => d.at);
      return o + (i < 0 ? 0 : drops[i].removed);
    },
  };
}

/** Front matter turned into blank lines of the same length: the parser skips it, offsets hold. */
function blankOut(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\n]/g, " ") + text.slice(end);
}

/** The paragraph just before a list or table (comments aside), when it ends with a colon. */
function leadInOf(node: SyntaxNode, byStart: Map<number, ProseBlock>, toSource: (o: number) => number): ProseBlock | undefined {
  let prev = node.prevSibling;
  while (prev && prev.name === "CommentBlock") prev = prev.prevSibling;
  if (!prev || prev.name !== "Paragraph") return undefined;
  const block = byStart.get(toSource(prev.from));
  return block && block.text.trimEnd().endsWith(":") ? block : undefined;
}

function comment(text: string, from: number, to: number): HtmlComment {
  const raw = text.slice(from, to);
  return { from, to, body: raw.replace(/^<!--/, "").replace(/-->\s*$/, "") };
}

/** Heading numbering (`1.`, `2.3`, `4)`) is structure, not a figure. */
const HEADING_NUMBER = /^[ \t]*\d+(?:\.\d+)*[.)]?[ \t]+/;

/**
 * Builds one block's prose from the original `text`; tree offsets are the parser's and go
 * through `toSource` first.
 */
function buildBlock(node: SyntaxNode, text: string, toSource: (o: number) => number, kind: BlockKind, comments: HtmlComment[]): ProseBlock {
  const map = new OffsetMap();
  const citations: number[] = [];
  let prose = "";
  const nodeFrom = toSource(node.from);
  const nodeTo = toSource(node.to);
  let pos = nodeFrom;
  if (kind === "heading") {
    const mark = node.firstChild;
    const contentStart = mark && mark.name === "HeaderMark" && mark.from === node.from ? toSource(mark.to) : nodeFrom;
    const numbering = HEADING_NUMBER.exec(text.slice(contentStart, Math.min(nodeTo, contentStart + 40)));
    pos = contentStart + (numbering ? numbering[0].length : 0);
  }
  const copyTo = (end: number) => {
    if (end > pos) {
      map.addRun(pos, end - pos);
      prose += text.slice(pos, end);
    }
    pos = Math.max(pos, end);
  };
  const atom = (from: number, to: number, char: string) => {
    copyTo(from);
    map.addAtom(from, to - from);
    prose += char;
    pos = to;
  };

  const cursor: TreeCursor = node.cursor();
  let depth = 0;
  let inLink = 0;
  const enter = (): boolean => {
    const name = cursor.name;
    const from = toSource(cursor.from);
    const to = toSource(cursor.to);
    if (from < pos) return false; // before the heading's content start
    if (name === "Comment") {
      comments.push(comment(text, from, to));
      copyTo(from);
      pos = to;
    } else if (name === "FootnoteReference") {
      copyTo(from);
      citations.push(prose.length);
      pos = to;
    } else if ((name === "URL" && inLink) || MARKS.has(name)) {
      copyTo(from);
      pos = to;
    } else if (OPAQUE.has(name)) {
      atom(from, to, PLACEHOLDER);
    } else if (name === "Escape") {
      atom(from, to, text.charAt(from + 1));
    } else if (name === "Entity") {
      const decoded = decodeEntity(text.slice(from, to));
      if (decoded !== undefined) atom(from, to, decoded);
    } else if (name === "HardBreak") {
      atom(from, to, "\n");
    } else {
      if (name === "Link" && hasTarget(cursor.node)) citations.push(prose.length + Math.max(0, from - pos));
      return true; // Emphasis, Link text, Strikethrough…: descend into the children
    }
    return false;
  };

  if (cursor.firstChild()) {
    depth = 1;
    for (;;) {
      const descend = enter();
      if (descend && cursor.firstChild()) {
        if (cursor.node.parent?.name === "Link") inLink++;
        depth++;
        continue;
      }
      while (!cursor.nextSibling()) {
        if (depth === 1) {
          depth = 0;
          break;
        }
        if (cursor.parent()) {
          depth--;
          if (cursor.name === "Link") inLink--;
        }
      }
      if (depth === 0) break;
    }
  }
  copyTo(nodeTo);
  return { kind, text: prose, map, from: nodeFrom, to: nodeTo, citations };
}

/** A link cites its sentence when it points somewhere: a URL or a reference label. */
function hasTarget(link: SyntaxNode): boolean {
  for (let child = link.firstChild; child; child = child.nextSibling) {
    if (child.name === "URL" || child.name === "LinkLabel") return true;
  }
  return false;
}
