/**
 * Markdown to prose: the text a reader sees, block by block, with a map back to the source.
 * Only prose is checked (spec section 1): code, HTML, URLs, reference and footnote
 * definitions, front matter and math never reach the rules.
 */
import { GFM, parser as commonmark } from "@lezer/markdown";
import type { SyntaxNode, TreeCursor } from "@lezer/common";
import { Footnotes, MathSyntax, NestingLimit } from "./extensions";
import { boundInlineParsing, PlainRun, QuickAutolink } from "./inline";
import { decodeEntity } from "./entities";
import { OffsetMap } from "./offset-map";
import { detached } from "../detached";

/**
 * CommonMark with GFM (tables, strikethrough, task lists, autolinks), footnotes and math, with
 * containers nested no deeper than any draft needs.
 */
export const markdownParser = boundInlineParsing(commonmark.configure([GFM, QuickAutolink, Footnotes, MathSyntax, NestingLimit, PlainRun]));

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
  leadIn?: LeadIn;
}

/** What a lead-in passes on to the list or table after it: its words and what they cite. */
export type LeadIn = Pick<ProseBlock, "text" | "citations">;

/** An HTML comment in prose or between blocks (where directives live). */
export interface HtmlComment {
  from: number;
  to: number;
  body: string;
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

/** The prose of one top-level block of the draft (a section), and its HTML comments. */
export interface SectionProse {
  blocks: ProseBlock[];
  comments: HtmlComment[];
}

/** The blocks a lead-in paragraph (one ending with a colon) introduces. */
export const LED_BLOCKS = new Set(["BulletList", "OrderedList", "Table"]);

/**
 * Reads one top-level node of the parsed draft. Sections are independent of each other but
 * for one thing: a list or table is led in by the paragraph before it (`outerLeadIn`), which
 * the caller finds among the sections before.
 */
export function readSection(section: SyntaxNode, text: string, outerLeadIn: LeadIn | undefined): SectionProse {
  const blocks: ProseBlock[] = [];
  const comments: HtmlComment[] = [];
  const byStart = new Map<number, ProseBlock>();
  const leadIns: (LeadIn | undefined)[] = [];

  // The cursor walks without recursion: a draft may nest block quotes and lists thousands deep.
  let atSection = true;
  section.cursor().iterate(
    (ref) => {
      const name = ref.name;
      const node = ref.node;
      const isSection = atSection;
      atSection = false;
      if (name === "CommentBlock") {
        comments.push(comment(text, node.from, node.to));
        return false;
      }
      if (SKIPPED_BLOCKS.has(name)) return false;
      if (LED_BLOCKS.has(name)) {
        leadIns.push(isSection ? outerLeadIn : (leadInOf(node, byStart) ?? leadIns[leadIns.length - 1]));
        return true;
      }
      const kind = TEXT_BLOCKS[name];
      if (!kind) return true;
      const block = buildBlock(node, text, kind, comments);
      block.leadIn = leadIns[leadIns.length - 1];
      blocks.push(block);
      if (kind === "paragraph") byStart.set(block.from, block);
      return false;
    },
    (ref) => {
      if (LED_BLOCKS.has(ref.name)) leadIns.pop();
    },
  );
  return { blocks, comments };
}

/** A paragraph ending with a colon leads into the list or table right after it. */
export function leadsIn(block: ProseBlock): boolean {
  return block.kind === "paragraph" && block.text.trimEnd().endsWith(":");
}

/** The paragraph just before a list or table (comments aside), when it ends with a colon. */
function leadInOf(node: SyntaxNode, byStart: Map<number, ProseBlock>): ProseBlock | undefined {
  let prev = node.prevSibling;
  while (prev && prev.name === "CommentBlock") prev = prev.prevSibling;
  if (!prev || prev.name !== "Paragraph") return undefined;
  const block = byStart.get(prev.from);
  return block && leadsIn(block) ? block : undefined;
}

function comment(text: string, from: number, to: number): HtmlComment {
  const raw = text.slice(from, to);
  return { from, to, body: detached(raw.replace(/^<!--/, "").replace(/-->\s*$/, "")) };
}

/** Heading numbering (`1.`, `2.3`, `4)`) is structure, not a figure. */
const HEADING_NUMBER = /^[ \t]*\d+(?:\.\d+)*[.)]?[ \t]+/;

/**
 * Builds one block's prose from the draft's `text` (the parser reads the same offsets, see
 * DraftInput).
 */
function buildBlock(node: SyntaxNode, text: string, kind: BlockKind, comments: HtmlComment[]): ProseBlock {
  const map = new OffsetMap();
  const citations: number[] = [];
  let prose = "";
  const nodeFrom = node.from;
  const nodeTo = node.to;
  let pos = nodeFrom;
  if (kind === "heading") {
    const mark = node.firstChild;
    const contentStart = mark && mark.name === "HeaderMark" && mark.from === node.from ? mark.to : nodeFrom;
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
    const from = cursor.from;
    const to = cursor.to;
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
