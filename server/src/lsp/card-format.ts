/**
 * Small formatting helpers for the hover cards: Markdown escaping, newsroom dates, values
 * with their conversion, and source citations. Pure functions; no LSP imports.
 */
import type { SourceArticle } from "../reference/types";
import type { FindingCode } from "../core/finding";
import { describeFact } from "../core/rules/wording";

/** Short titles for the card heading; the one-line summaries live in RULE_SUMMARIES. */
export const RULE_TITLES: Record<FindingCode, string> = {
  "unattributed-figure": "Figure without a source",
  "unattributed-spec": "Weapon specification without a source",
  "spec-conflict": "Specification disagrees with the reference",
  "unit-mismatch": "Conversion does not match the value",
  "vague-attribution": "Unnamed source",
  "untraced-figure": "Figure not in your sources",
  "figure-conflict": "Figure disagrees with your source",
  "size-limit": "Draft checked only in part",
};

/**
 * Text from data (headlines, evidence, messages, the draft, a user's reference file) made
 * inert inside a Markdown line, whatever it holds: whitespace runs become one space so a line
 * break cannot end a bullet or start a heading, fence or link definition; the characters that
 * open emphasis, links, images, code, HTML, entities or table cells are backslash-escaped
 * (CommonMark allows that before any ASCII punctuation, so the backslash never shows); and a
 * start that would open a heading, quote or list (`# `, `> `, `- `, `1. `) is escaped too.
 * Editors also turn bare `https://…`, `www.…` and e-mail addresses into links, so every `:`
 * and `@` is escaped, and the dot of `www.`: a URI in the data reads as text, never as a
 * link, and `command:` never reaches the editor as one. Round brackets stay as they are:
 * with `[` escaped they cannot form a link, and `(186 mi)` reads better in the raw Markdown
 * of tests and logs.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|~&:@]/g, "\\$&")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/^[#+\-=]/, "\\$&");
}

/** "Army Tactical Missile System" kept, "tactical ballistic missile" → "Tactical ballistic missile". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * An ISO date as a newsroom writes it: "2023-06" → "June 2023", "2023-06-08" → "8 June 2023",
 * "2022-07/2023-06" → "July 2022 – June 2023". Anything else is returned as it is.
 */
export function formatDate(iso: string): string {
  if (iso.includes("/")) return iso.split("/").map(formatDate).join(" – ");
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  const month = m?.[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || (m[2] && !month)) return iso;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** `up to 300 km (186 mi)`, safe inside a card's Markdown. */
export function describeValue(fact: Parameters<typeof describeFact>[0]): string {
  return escapeMarkdown(describeFact(fact));
}

/**
 * `RT · *Headline* · June 2023`: the outlet when the article names one, the headline in
 * italics, and the date (marked when the article does not print it). An unknown source id
 * is shown as it is, so a broken user reference still says what it cites.
 */
export function citeSource(id: string, sources: ReadonlyMap<string, SourceArticle> | readonly SourceArticle[]): string {
  const source = "get" in sources ? sources.get(id) : sources.find((s) => s.id === id);
  if (!source) return `source “${escapeMarkdown(id)}” (not in the reference)`;
  const parts = [`*${escapeMarkdown(source.headline)}*`, `${escapeMarkdown(formatDate(source.date))}${source.dateNote ? " (date inferred)" : ""}`];
  if (source.outlet) parts.unshift(escapeMarkdown(source.outlet));
  return parts.join(" · ");
}

/** `“phrase”` quoted from the article, escaped. */
export function quoteEvidence(evidence: string): string {
  return `“${escapeMarkdown(evidence)}”`;
}
