/**
 * Inline directives in the markdownlint style (spec section 6):
 * `<!-- claimlint-disable [rules] -->` … `<!-- claimlint-enable [rules] -->`,
 * `<!-- claimlint-disable-line [rules] -->`, `<!-- claimlint-disable-next-line [rules] -->`.
 * Only real HTML comments count: a directive inside a code block is code.
 */
import { RULE_IDS, type FindingCode, type RuleId } from "./finding";
import type { DraftText } from "./draft-text";
import type { HtmlComment } from "./markdown/prose";
import { lastAtOrBefore } from "./sorted";

const DIRECTIVE = /^\s*claimlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

interface Span {
  rule: RuleId;
  from: number;
  to: number;
}

/** Answers whether a rule is silenced at an offset. */
export interface Silencer {
  silences(rule: FindingCode, offset: number): boolean;
}

/**
 * Reads the directives among a draft's comments. Lines are found by looking for the line
 * ends around each line directive, not by indexing the whole draft: a check after a
 * keystroke must not cost a pass over every line.
 */
export function readDirectives(comments: readonly HtmlComment[], text: DraftText): Silencer {
  const spans: Span[] = [];
  const lineSpans: Span[] = [];
  const open = new Map<RuleId, number>();
  const ordered = [...comments].sort((a, b) => a.from - b.from);
  for (const comment of ordered) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const rules = ruleList(m[2]);
    const kind = m[1];
    if (kind === "disable") {
      for (const rule of rules) if (!open.has(rule)) open.set(rule, comment.to);
    } else if (kind === "enable") {
      for (const rule of rules) {
        const from = open.get(rule);
        if (from === undefined) continue;
        spans.push({ rule, from, to: comment.from });
        open.delete(rule);
      }
    } else {
      const from = kind === "disable-line" ? lineStart(text, comment.from) : nextLineStart(text, comment.to);
      const to = lineEnd(text, from);
      for (const rule of rules) lineSpans.push({ rule, from, to });
    }
  }
  for (const [rule, from] of open) spans.push({ rule, from, to: Infinity });
  if (spans.length === 0 && lineSpans.length === 0) return { silences: () => false };
  const ranges = byRule(spans);
  const lines = byRule(lineSpans);
  return {
    silences: (rule, offset) => within(ranges.get(rule), offset) || within(lines.get(rule), offset),
  };
}

/**
 * One rule's spans, sorted by start. Spans of one rule never overlap (a disabled rule is not
 * disabled again until enabled; two line directives name the same line or different ones),
 * so a binary search finds the one span that may hold an offset.
 */
function byRule(spans: Span[]): Map<FindingCode, Span[]> {
  const map = new Map<FindingCode, Span[]>();
  for (const span of spans) {
    const list = map.get(span.rule);
    if (list) list.push(span);
    else map.set(span.rule, [span]);
  }
  for (const list of map.values()) list.sort((a, b) => a.from - b.from);
  return map;
}

function within(list: Span[] | undefined, offset: number): boolean {
  const span = list && list[lastAtOrBefore(list, offset, (s) => s.from)];
  return !!span && offset < span.to;
}

/** Lines are looked for in windows this long, so a long line costs a few reads, not one huge one. */
const WINDOW = 256;

function lineStart(text: DraftText, at: number): number {
  for (let end = at; end > 0; end -= WINDOW) {
    const from = Math.max(0, end - WINDOW);
    const window = text.slice(from, end);
    const i = Math.max(window.lastIndexOf("\n"), window.lastIndexOf("\r"));
    if (i >= 0) return from + i + 1;
  }
  return 0;
}

function lineEnd(text: DraftText, from: number): number {
  for (let start = from; start < text.length; start += WINDOW) {
    const i = text.slice(start, start + WINDOW).search(/[\r\n]/);
    if (i >= 0) return start + i;
  }
  return text.length;
}

/** The start of the line after the one holding `at` (the end of the text if there is none). */
function nextLineStart(text: DraftText, at: number): number {
  const end = lineEnd(text, at);
  return text.slice(end, end + 2) === "\r\n" ? end + 2 : Math.min(text.length, end + 1);
}

/** The rules a directive names; none named means all. Unknown names are ignored. */
function ruleList(text: string | undefined): RuleId[] {
  const names = (text ?? "").trim().split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return [...RULE_IDS];
  return RULE_IDS.filter((id) => names.includes(id));
}
