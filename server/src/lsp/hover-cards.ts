/**
 * The Markdown of the hover cards: what a flagged claim was flagged for, where the writer's
 * own sources give it, and what the fact reference knows about a weapon system named in the
 * draft. Pure functions over the draft, the engine's findings and the reference, so the
 * language server only converts positions.
 *
 * A draft, a reference file a user adds and a source document may hold anything, so every
 * text taken from them goes through `escapeMarkdown` and shows as the text it is; the one link
 * a card makes is to the rule's docs. VS Code's client is told not to trust hover Markdown either, so it would
 * run no command link even if one got through.
 */
import type { ClaimEntry } from "../core/claims";
import type { DraftText } from "../core/draft-text";
import type { Finding } from "../core/finding";
import type { SourceFigure } from "../core/sources/source-index";
import { RULE_SUMMARIES, ruleDocsUrl } from "../core/rules/catalog";
import { attributeName } from "../core/rules/wording";
import type { WeaponMatcher, WeaponMention } from "../core/weapons";
import type { Reference, WeaponSystem } from "../reference/types";
import { RULE_TITLES, capitalise, citeSource, describeValue, escapeMarkdown, formatDate, quoteEvidence } from "./card-format";

export interface HoverCard {
  markdown: string;
  /** The span hovered, in UTF-16 offsets into the draft: the finding's span or the name's. */
  offset: number;
  length: number;
}

/**
 * Characters searched for a name on each side of the hover. Far longer than any name (even
 * with odd spacing), so a name under the cursor is matched exactly as in the whole draft,
 * yet a hover on a 10 MB draft costs the same as on a short one. Not the line: Markdown
 * paragraphs are often hard-wrapped, and "Army Tactical\nMissile System" is still one name.
 */
const WINDOW = 1024;

/** Between the cards of one hover: a finding and the system named inside its span. */
const RULE = "\n\n---\n\n";

/** Most serious first, when several rules flag the same span (`500 km`: spec-conflict, unattributed-spec). */
const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/**
 * The card for the position `offset` in `text` (the whole draft): the card of every finding
 * whose span holds `offset` (most severe first), followed — after a horizontal rule — by the
 * weapon card when `offset` is also on a system's name or alias; else the weapon card alone;
 * else undefined. `findings` are the engine's findings for this text, in any order.
 *
 * A span [start, end) holds `offset` when start <= offset < end: the character under the
 * mouse, as VS Code sends it. Only when no span holds `offset` does one ending exactly there
 * count, so a cursor resting just after "ATACMS" still gets its card, but never the card of
 * the word before when the next span starts at `offset`.
 *
 * The returned offset/length is the span hovered: the findings' span (their overlap, should
 * two flagged spans differ) when there is a finding, else the name's.
 */
export function hoverCardAt(
  text: DraftText,
  offset: number,
  findings: readonly Finding[],
  reference: Reference,
  weapons: WeaponMatcher,
  /** The claim at an offset, for a figure the writer's sources give that no finding flags (one attributed in the draft). */
  claimAt: (offset: number) => ClaimEntry | undefined = () => undefined,
): HoverCard | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const mentions = mentionsNear(text, offset, weapons);
  const holds = (start: number, end: number) => start <= offset && offset < end;
  const endsAt = (_start: number, end: number) => end === offset;
  const claim = claimAt(offset);
  for (const touches of [holds, endsAt]) {
    const flagged = findings
      .filter((f) => touches(f.offset, f.offset + f.length))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    const mention = mentions.find((m) => touches(m.start, m.end));
    if (flagged.length === 0 && claim?.source?.figures?.length && touches(claim.offset, claim.offset + claim.length)) {
      const cards = [tracedCard(claim)];
      if (mention) cards.push(weaponCard(mention.system, reference));
      return { markdown: cards.join(RULE), offset: claim.offset, length: claim.length };
    }
    if (flagged.length === 0 && !mention) continue;
    const cards = flagged.map((f) => findingCard(f, text));
    if (mention) cards.push(weaponCard(mention.system, reference));
    const start = flagged.length ? Math.max(...flagged.map((f) => f.offset)) : mention!.start;
    const end = flagged.length ? Math.min(...flagged.map((f) => f.offset + f.length)) : mention!.end;
    return { markdown: cards.join(RULE), offset: start, length: end - start };
  }
  return undefined;
}

/** The names of systems within WINDOW of `offset`, as offsets in the whole draft. */
function mentionsNear(text: DraftText, offset: number, weapons: WeaponMatcher): WeaponMention[] {
  const from = Math.max(0, offset - WINDOW);
  const to = Math.min(text.length, offset + WINDOW);
  return weapons.find(text.slice(from, to)).map((m) => ({ ...m, start: m.start + from, end: m.end + from }));
}

/**
 * What the reference knows about a system: its names, kind and origin, its specifications
 * with their sources (the only values claimlint checks against), then its dated events,
 * kept apart because a restriction's figure (HIMARS only to 50 miles) is policy, not a spec.
 */
export function weaponCard(system: WeaponSystem, reference: Reference): string {
  const longForm = system.aliases.find((a) => isAcronymOf(system.name, a) && !isPluralVariant(a, system));
  const others = system.aliases.filter((a) => a !== longForm && !isPluralVariant(a, system));
  const lines = [`### ${escapeMarkdown(system.name)}${longForm ? ` (${escapeMarkdown(longForm)})` : ""}`, ""];
  if (others.length) lines.push(`also: ${others.map(escapeMarkdown).join(", ")}`, "");
  lines.push(`*${escapeMarkdown(capitalise(system.kind))} · ${escapeMarkdown(system.origin)}*`, "");

  lines.push("**Specifications**", "");
  if (system.facts.length === 0) {
    lines.push(`The reference has no specifications for ${escapeMarkdown(system.name)}, so its specs cannot be checked.`);
  }
  for (const fact of system.facts) {
    // Two trailing spaces: a hard line break, keeping the evidence under its value.
    lines.push(`- **${escapeMarkdown(capitalise(attributeName(fact.attribute)))}:** ${describeValue(fact)}  `);
    lines.push(`  ${quoteEvidence(fact.evidence)} — ${citeSource(fact.source, reference.sources)}`);
  }

  if (system.events.length) {
    lines.push("", "**Events** (policy and deliveries, not specifications)", "");
    // ISO dates sort as text; a period ("2022-07/2023-06") sorts by its start.
    const events = [...system.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const event of events) {
      const figure = event.value !== undefined && event.unit ? ` · ${describeValue({ value: event.value, unit: event.unit })}` : "";
      lines.push(`- **${escapeMarkdown(formatDate(event.date))} · ${escapeMarkdown(event.kind)}${figure}:** ${escapeMarkdown(event.summary)}  `);
      lines.push(`  ${quoteEvidence(event.evidence)} — ${citeSource(event.source, reference.sources)}`);
    }
  }
  return lines.join("\n");
}

/**
 * The card of one finding: rule and title, the finding's message (it says why), for spec
 * findings the stated value beside the reference value and its source, the quick fixes on
 * offer, and the rule's summary with a link to its docs. `text` is the draft the finding's
 * offsets point into, for the stated value.
 */
export function findingCard(finding: Finding, text: DraftText): string {
  const lines = [`**${finding.rule}** · ${RULE_TITLES[finding.rule]} · *${finding.severity}*`, "", escapeMarkdown(finding.message)];
  const stated = escapeMarkdown(text.slice(finding.offset, finding.offset + finding.length));
  if (finding.related?.length) lines.push("");
  for (const { fact, source } of finding.related ?? []) {
    lines.push(`- **Stated:** ${stated} · **Reference (${escapeMarkdown(attributeName(fact.attribute))}):** ${describeValue(fact)}  `);
    lines.push(`  ${quoteEvidence(fact.evidence)} — ${citeSource(source.id, [source])}`);
  }
  lines.push(...sourceLines(finding.traces ?? [], finding.rule === "figure-conflict" ? "Your source says otherwise" : finding.rule === "untraced-figure" ? "Nearest in your sources" : "In your sources"));
  if (finding.fixes.length) lines.push("", `Quick fixes: ${finding.fixes.map((f) => escapeMarkdown(f.title)).join(" · ")}`);
  lines.push("", `*${escapeMarkdown(RULE_SUMMARIES[finding.rule])}* [rule docs](${ruleDocsUrl(finding.rule)})`);
  return lines.join("\n");
}

/** The most source figures a card lists; a figure found in many copies of one story would fill the screen. */
const SOURCE_FIGURES_SHOWN = 3;
/** The most characters of a source's sentence quoted: a sentence, not a page without full stops. */
const SENTENCE_SHOWN = 300;

/**
 * The card of a figure that no rule flags but the writer's own sources give (it is attributed
 * in the draft too), or contradict (with figure-conflict turned off): the figure, and where.
 */
function tracedCard(claim: ClaimEntry): string {
  const found = claim.source?.status === "found";
  const heading = found ? "In your sources" : "Your source says otherwise";
  return [`**${escapeMarkdown(claim.text)}** · ${found ? "in your sources" : "disagrees with your sources"}`, ...sourceLines(claim.source?.figures ?? [], heading)].join("\n");
}

/**
 * The writer's own source figures a claim relies on: where each is (file and line), its
 * sentence, and whom the source attributes it to, under a heading saying how they stand to
 * the claim: they give it, disagree with it, or (untraced) are the nearest there are.
 */
function sourceLines(figures: readonly SourceFigure[], heading: string): string[] {
  if (figures.length === 0) return [];
  const lines = ["", `**${heading}**`, ""];
  for (const figure of figures.slice(0, SOURCE_FIGURES_SHOWN)) {
    const sentence = figure.sentence.length > SENTENCE_SHOWN ? `${figure.sentence.slice(0, SENTENCE_SHOWN)}…` : figure.sentence;
    // Two trailing spaces: a hard line break, keeping the attribution under its sentence.
    lines.push(`- **${escapeMarkdown(`${figure.file}:${figure.line}`)}** ${quoteEvidence(sentence)}  `);
    lines.push(`  ${sourceAttribution(figure)}`);
  }
  if (figures.length > SOURCE_FIGURES_SHOWN) lines.push(`- and ${figures.length - SOURCE_FIGURES_SHOWN} more`);
  return lines;
}

/** `According to the Russian Defense Ministry, as reported by RT`, or what there is of it. */
function sourceAttribution(figure: SourceFigure): string {
  const outlet = figure.outlet && escapeMarkdown(figure.outlet);
  if (figure.attribution) return `According to ${escapeMarkdown(figure.attribution)}${outlet ? `, as reported by ${outlet}` : ""}`;
  return outlet ? `Reported by ${outlet}, attributed to no one` : "Attributed to no one";
}

/**
 * True when `name` is an acronym of `phrase`, each word giving one or more leading letters in
 * order: ATACMS = Army TACtical Missile System, HIMARS = HIgh Mobility Artillery Rocket System.
 */
function isAcronymOf(name: string, phrase: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, "");
  const words = phrase.toUpperCase().split(/[\s-]+/).filter(Boolean);
  if (letters.length < 2 || letters !== letters.toUpperCase() || words.length < 2) return false;
  const match = (i: number, w: number): boolean => {
    if (w === words.length) return i === letters.length;
    for (let k = 1; k <= words[w]!.length && i + k <= letters.length; k++) {
      if (words[w]!.slice(0, k) !== letters.slice(i, i + k)) break;
      if (match(i + k, w + 1)) return true;
    }
    return false;
  };
  return match(0, 0);
}

/** "Army Tactical Missile Systems" beside "Army Tactical Missile System": a spelling for the matcher, not a name to show. */
function isPluralVariant(alias: string, system: WeaponSystem): boolean {
  return [system.name, ...system.aliases].some((n) => alias === `${n}s` || alias === `${n}es`);
}
