/**
 * The fact-check sheet: every claim of a draft (every figure, and every figure that states a
 * weapon specification) with where it stands, as a desk editor ticks it off: whom it is
 * attributed to, whether it matches the reference, and which rules flag it. Attributed claims
 * are listed too: the sheet is an inventory, not a list of problems.
 */
import type { SourceArticle } from "../reference/types";
import type { Claim } from "./analysis";
import type { Attribution, AttributionMeans } from "./attribution";
import { detached } from "./detached";
import type { RuleId, Severity } from "./finding";
import { attributeName, describeFact, describeSource } from "./rules/wording";
import type { SourceFigure } from "./sources/source-index";

/** One claim of the draft, in the sheet's terms. */
export interface ClaimEntry {
  /** `spec` when the figure states a weapon system's specification (spec section 4). */
  kind: "figure" | "spec";
  /** The claim as the reader sees it, markup left out and white space folded: `more than 4,000 troops`. */
  text: string;
  /** Where the claim is in the draft: the same characters a finding on it covers. */
  offset: number;
  length: number;
  attribution: ClaimAttribution;
  /** For a spec: how it compares with the reference. */
  reference?: ReferenceCheck;
  /**
   * Whether the user's own source articles (the `sources` of `.claimlintrc.json` or
   * `--sources`) hold the figure, give another value for the same thing, or neither, and
   * where. Present only when such sources are configured. `figures` are the source figures
   * that give the claim, or that it disagrees with: the first of them is `file` and `line`.
   */
  source?: { status: "found" | "conflicts" | "not found"; file?: string; line?: number; figures?: readonly SourceFigure[] };
  /** The rules that flag the claim, at their configured severity; rules that are off never do. */
  flaggedBy: { rule: RuleId; severity: Severity }[];
  /** Rules that would flag the claim but that a `claimlint-disable` directive silences where it stands. */
  silenced: RuleId[];
}

export interface ClaimAttribution {
  /** `vague` when the only source is unnamed (`officials said`, `reportedly`). */
  status: "attributed" | "vague" | "unattributed";
  /**
   * The words that name the source, as far as the sentence shows them (`the Pentagon` for
   * `the Pentagon said`, `officials` for `officials said`, `reportedly`), or how the claim is
   * attributed when no words of its sentence do: `a link or footnote`, `the lead-in` (an
   * attributed sentence ending with a colon above a list or table), `the quoted speaker`.
   * Absent when unattributed.
   */
  by?: string;
}

export interface ReferenceCheck {
  status: "matches" | "conflicts" | "not in the reference";
  /** The weapon system's name and the attribute stated: `ATACMS`, `range`. */
  system: string;
  attribute: string;
  /** The reference fact compared with, as findings cite it: `up to 300 km (186 mi)`. */
  fact?: string;
  /** The source article of that fact: `RT, 2023-06`. */
  article?: string;
}

/**
 * The sheet's entry for a claim, before rules and directives have had their say (its
 * `flaggedBy` and `silenced` are empty). It keeps copies of the words it quotes, not views of
 * the draft: an open draft keeps its entries across edits.
 */
export function claimEntry(claim: Claim, sourceOf: (id: string) => SourceArticle | undefined): ClaimEntry {
  const entry: ClaimEntry = {
    kind: claim.spec ? "spec" : "figure",
    text: folded(claim.block.text.slice(claim.figure.start, claim.figure.end)),
    offset: claim.offset,
    length: claim.length,
    attribution: attributionOf(claim),
    flaggedBy: [],
    silenced: [],
  };
  const reference = referenceOf(claim, sourceOf);
  if (reference) entry.reference = reference;
  return entry;
}

function attributionOf(claim: Claim): ClaimAttribution {
  const attribution = claim.attribution;
  if (!attribution) return { status: "unattributed" };
  return { status: attribution.kind === "vague" ? "vague" : "attributed", by: sourceWords(claim, attribution) };
}

/** How a claim is attributed when no phrase of its sentence does it. */
const BY_MEANS: Record<Exclude<AttributionMeans, "phrase">, string> = {
  citation: "a link or footnote",
  "lead-in": "the lead-in",
  quotation: "the quoted speaker",
};

/** The lead of a phrase that names its source after it. */
const LEAD = /^(?:according\s+to|citing|quoting|cited\s+by|quoted\s+by|sourced\s+from|courtesy\s+of|per|as\s+\p{L}+\s+by)\s+/iu;
/** What ends the words of a name: punctuation between clauses, quotation marks, brackets. */
const CLAUSE_MARK = /[,;:()[\]“”"«»—–]/u;
/**
 * What ends a name after a lead: punctuation between clauses, or a word that starts something
 * else (`according to the Pentagon on Monday`). Quotation marks do not: a name may be quoted.
 */
const AFTER_NAME = /[,;:()[\]—–]|\s(?:on|in|at|that|which|who|whose|when|while|last|this|earlier|after|before|since|during|because|as)(?![\p{L}])/iu;
/** Words before a name that join its clause to the one before: `…, and the ministry said`. */
const JOINING = new Set("and but while as which so because when where though although after before since whereas".split(" "));
/** Words between a speaker and the verb that are not the speaker: `the Pentagon has also said`. */
const BETWEEN = new Set("has have had also previously earlier later recently then now again publicly once would will could may might did does do".split(" "));
/** A passive verb names no speaker before it: `are believed`, `was reported`. */
const PASSIVE = new Set("is are was were been be being".split(" "));
/** The most words a name is given: past that, the clause is something other than a name. */
const NAME_WORDS = 8;

/**
 * The figures of a sentence share its attribution: the words naming the source are looked for
 * once per sentence, not once per figure, which in a long sentence of figures would read it
 * again for each.
 */
const namesFound = new WeakMap<Attribution, string>();

/** The words of the claim's sentence that name its source, or how it is attributed. */
function sourceWords(claim: Claim, attribution: Attribution): string {
  if (attribution.means !== "phrase") return BY_MEANS[attribution.means];
  let words = namesFound.get(attribution);
  if (words === undefined) {
    words = phraseSource(claim, attribution);
    namesFound.set(attribution, words);
  }
  return words;
}

function phraseSource(claim: Claim, attribution: Attribution): string {
  const text = claim.block.text;
  const sentence = claim.sentence;
  // Phrase offsets are within the sentence.
  const from = sentence.start + attribution.start;
  const to = sentence.start + attribution.end;
  const phrase = folded(text.slice(from, to));
  if (attribution.form === "lead") {
    const lead = LEAD.exec(text.slice(from, to));
    return wordsAfter(text, from + (lead ? lead[0].length : 0), sentence.end) || phrase;
  }
  if (attribution.form === "speaker") {
    const before = clauseBefore(text, sentence.start, from);
    const last = before[before.length - 1];
    if (last && PASSIVE.has(last.toLowerCase())) return `${last} ${phrase}`;
    while (before.length > 0 && BETWEEN.has(before[before.length - 1].toLowerCase())) before.pop();
    // `“…,” said Austin`: nothing before the verb names a speaker; the words after it do.
    return lastWords(before) || wordsAfter(text, to, sentence.end) || phrase;
  }
  if (attribution.form === "document") {
    // `Pentagon data show`: the document's noun is the phrase's first word.
    return lastWords([...clauseBefore(text, sentence.start, from), phrase.split(" ")[0]]);
  }
  return phrase;
}

/** The words of the clause before `to` within `from…to`, from its last clause mark, joining words left out. */
function clauseBefore(text: string, from: number, to: number): string[] {
  let start = to;
  while (start > from && !CLAUSE_MARK.test(text[start - 1])) start--;
  const words = text.slice(start, to).split(/\s+/).filter(Boolean);
  let joining = 0;
  while (joining < words.length && JOINING.has(words[joining].toLowerCase())) joining++;
  return words.slice(joining);
}

/** The words from `from` up to the first that starts something other than the name. */
function wordsAfter(text: string, from: number, to: number): string {
  const rest = text.slice(from, to);
  const end = rest.search(AFTER_NAME);
  const name = withoutSentenceEnd(end < 0 ? rest : rest.slice(0, end));
  return folded(name.split(/\s+/).slice(0, NAME_WORDS).join(" "));
}

/** A name without the sentence's closing punctuation, keeping the quotation marks that close one it opened. */
function withoutSentenceEnd(name: string): string {
  let end = name.length;
  while (end > 0 && (CLOSING_QUOTES.has(name[end - 1]) || SENTENCE_ENDS.has(name[end - 1]))) end--;
  const kept = name.slice(0, end);
  if (!/[“‘"]/u.test(kept)) return kept;
  return kept + [...name.slice(end)].filter((c) => CLOSING_QUOTES.has(c)).join("");
}
const CLOSING_QUOTES = new Set(["”", "’", '"', "'"]);
const SENTENCE_ENDS = new Set([".", "!", "?", "…"]);

function lastWords(words: readonly string[]): string {
  return folded(words.slice(-NAME_WORDS).join(" "));
}

function referenceOf(claim: Claim, sourceOf: (id: string) => SourceArticle | undefined): ReferenceCheck | undefined {
  const spec = claim.spec;
  if (!spec) return undefined;
  const compared = { system: spec.system.name, attribute: attributeName(spec.attribute) };
  const verdict = spec.verdict;
  if (verdict.status === "no-reference") return { status: "not in the reference", ...compared };
  const check: ReferenceCheck = { status: verdict.status === "agrees" ? "matches" : "conflicts", ...compared, fact: describeFact(verdict.fact) };
  const article = sourceOf(verdict.fact.source);
  if (article) check.article = describeSource(article);
  return check;
}

/** Runs of white space as one space, ends trimmed, copied off the draft's text. */
function folded(text: string): string {
  return detached(text.replace(/\s+/g, " ").trim());
}
