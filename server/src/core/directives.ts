/**
 * Inline directives in the markdownlint style (spec section 6):
 * `<!-- claimlint-disable [rules] -->` … `<!-- claimlint-enable [rules] -->`,
 * `<!-- claimlint-disable-line [rules] -->`, `<!-- claimlint-disable-next-line [rules] -->`.
 * Only real HTML comments count: a directive inside a code block is code.
 */
import { RULE_IDS, type RuleId } from "./finding";
import type { HtmlComment } from "./markdown/prose";
import type { LineIndex } from "./lines";
import { lastAtOrBefore } from "./sorted";

const DIRECTIVE = /^\s*claimlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;

interface Span {
  rule: RuleId;
  from: number;
  to: number;
}

/** Answers whether a rule is silenced at an offset. */
export interface Silencer {
  silences(rule: RuleId, offset: number): boolean;
}

export function readDirectives(comments: readonly HtmlComment[], lines: LineIndex): Silencer {
  const spans: Span[] = [];
  const lineRules = new Map<number, Set<RuleId>>();
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
      const line = kind === "disable-line" ? lines.lineOf(comment.from) : lines.lineOf(comment.to) + 1;
      const set = lineRules.get(line) ?? new Set<RuleId>();
      for (const rule of rules) set.add(rule);
      lineRules.set(line, set);
    }
  }
  for (const [rule, from] of open) spans.push({ rule, from, to: Infinity });
  if (spans.length === 0 && lineRules.size === 0) return { silences: () => false };
  // One rule's spans never overlap, so sorted by start a binary search finds the one that may hold an offset.
  const byRule = new Map<RuleId, Span[]>();
  for (const span of spans) {
    const list = byRule.get(span.rule);
    if (list) list.push(span);
    else byRule.set(span.rule, [span]);
  }
  for (const list of byRule.values()) list.sort((a, b) => a.from - b.from);
  return {
    silences(rule, offset) {
      if (lineRules.get(lines.lineOf(offset))?.has(rule)) return true;
      const list = byRule.get(rule);
      const span = list && list[lastAtOrBefore(list, offset, (s) => s.from)];
      return !!span && offset < span.to;
    },
  };
}

/** The rules a directive names; none named means all. Unknown names are ignored. */
function ruleList(text: string | undefined): RuleId[] {
  const names = (text ?? "").trim().split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return [...RULE_IDS];
  return RULE_IDS.filter((id) => names.includes(id));
}
