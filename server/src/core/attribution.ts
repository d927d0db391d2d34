/**
 * Attribution (spec section 3): whether a sentence names where its figures come from.
 * Phrases are matched on the narration (quotations blanked), so a verb inside a quote does
 * not attribute the narrator's figures. Named and vague sources are told apart so the
 * optional `vague-attribution` rule can flag the vague ones.
 */

export type AttributionKind = "named" | "vague";

/** How a figure came to be attributed. */
export type AttributionMeans = "phrase" | "citation" | "lead-in" | "quotation";

/**
 * Where a phrase's source is named: after a lead (`according to X`, `per X`), as the speaker
 * of a verb (`X said`, `said X`, `X put the toll at`), as a document (`Pentagon data show`), or
 * by the phrase itself (`reportedly`, the user's own phrases).
 */
export type PhraseForm = "lead" | "speaker" | "document" | "itself";

/** A figure's source: how it is named and, for a phrase, where (offsets in the text searched). */
export interface Attribution {
  kind: AttributionKind;
  means: AttributionMeans;
  start: number;
  end: number;
  /** For a phrase: how it names the source (see PhraseForm). */
  form?: PhraseForm;
}

/** Attribution by a link, footnote, lead-in or quoted speaker rather than a phrase of the sentence. */
export function attributedBy(means: Exclude<AttributionMeans, "phrase">): Attribution {
  return { kind: "named", means, start: 0, end: 0 };
}

const SPEECH_VERBS =
  "said|says|say|told|tells|reported|reports|report|estimated|estimates|estimate|claimed|claims|claim|stated|states|announced|announces|" +
  "confirmed|confirms|wrote|writes|noted|notes|added|adds|insisted|insists|warned|warns|acknowledged|acknowledges|admitted|admits|" +
  "explained|explains|argued|argues|asserted|asserts|revealed|reveals|disclosed|discloses|calculated|calculates|counted|recorded|" +
  "documented|tallied|testified|briefed|posted|tweeted|declared|declares|predicted|predicts|projected|projects|believes|believed|" +
  "quoted|cited|cites|concluded|concludes";
/** Verbs that are nouns too (`Convoy notes:`, `claims of 40 tanks`). */
const NOUN_FORMS = new Set(["reports", "report", "claims", "claim", "notes", "estimates", "estimate", "states", "projects", "posted"]);
const VERB = new RegExp(String.raw`(?<![\p{L}'’-])(${SPEECH_VERBS})(?![\p{L}'’-])`, "giu");
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:a|an|the|its|their|his|her|our|this|that|these|those|such|all)\s+$/iu;
/** After a verb that is a noun too: a colon (`Convoy notes:`) or a preposition (`claims of`) makes it the noun. */
const NOT_ATTRIBUTING_AFTER = /^(?:\s*:|\s+(?:of|on|from|about|by|in|for|over|with|as|are|were|was|is|and|or)(?![\p{L}]))/iu;
/** Verbs of record-keeping, which in the agentless passive name no source. */
const RECORD_VERBS = new Set(["recorded", "documented", "counted", "tallied", "calculated", "posted", "projected", "predicted"]);
const PASSIVE_BEFORE = /(?:^|[^\p{L}])(?:was|were|is|are|been|be|being)\s+$/iu;
/** `said goodbye`, `said no`: saying something that is not a claim. */
const SAID_IDIOM_AFTER = /^\s+(?:goodbye|farewell|no|yes|sorry|thanks|thank\s+you|hello|a\s+prayer|grace|a\s+few\s+words)(?![\p{L}])/iu;
const IDIOM_BEFORE = /(?:^|[^\p{L}])(?:all|to|needless\s+to|that\s+is\s+to|suffice\s+(?:it\s+)?to)\s+$/iu;

/** `according to …` (an ellipsis where the source should be) is a placeholder left unfilled, not a source. */
const ACCORDING_TO = /(?<![\p{L}])according\s+to\s+(?!…|\.\.\.|(?:the\s+)?(?:plan|plans|schedule|script|expectations?|tradition|custom|protocol|procedure|rules?|law|doctrine|design|form)(?![\p{L}]))\S/giu;
const CITING = /(?<![\p{L}])(?:citing|quoting|cited\s+by|quoted\s+by|sourced\s+from|courtesy\s+of)\s+\S/giu;
const PER_SOURCE = /(?<![\p{L}])[Pp]er\s+(?:(?:a|an|the)(?![\p{L}])|\p{Lu})(?![\p{L}]*\s+(?:cent|capita)(?![\p{L}]))/gu;
const DOCUMENT_SHOWS =
  /(?<![\p{L}])(?:data|figures|numbers|estimates?|statistics|stats|study|studies|report|survey|analysis|records|tally|count|assessment|research|poll|census|documents?|images|footage|filings?|budget|accounts)\s+(?:also\s+)?(?:show|shows|showed|shown|found|find|finds|suggest|suggests|suggested|indicate|indicates|indicated|put|puts|reveal|reveals|revealed)(?![\p{L}])/giu;
const PUT_AT = /(?<![\p{L}])(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the\s+|its\s+|their\s+)?(?:number|figure|toll|total|count|cost|losses|tally|death\s+toll|bill)\b[^.;]{0,60}?\sat\s/giu;
const AS_REPORTED = /(?<![\p{L}])as\s+(?:reported|stated|announced|confirmed|noted)\s+by\s+\S/giu;

/**
 * Signs that the source is unnamed: `officials said`, `reportedly`, `it is believed`. What
 * `people familiar with` are familiar with starts with a letter: spaces on both sides of words
 * that may hold spaces would be split every way.
 */
const VAGUE_MARKERS = new RegExp(
  String.raw`(?<![\p{L}])(?:reportedly|allegedly|reputedly|purportedly|` +
    String.raw`it\s+is\s+(?:widely\s+)?(?:believed|thought|understood|estimated|said|reported|claimed|feared|expected)|` +
    String.raw`(?:is|are|was|were)\s+(?:widely\s+)?(?:believed|thought|said|understood|reported|estimated)\s+to|` +
    String.raw`according\s+to\s+(?:media\s+|some\s+|unconfirmed\s+|local\s+)?(?:reports|sources|officials|estimates)|` +
    String.raw`(?:officials|sources|reports|analysts|experts|observers|insiders|commentators|critics|diplomats|people\s+familiar\s+with\s+\p{L}[\p{L}\s]{0,39}?)\s+(?:have\s+|had\s+)?(?:said|say|says|told|tell|claimed|claim|estimated|estimate|believe|believed|reported|report|noted|warned)|` +
    String.raw`(?:said|told|according\s+to)\s+(?:(?:two|three|several|some|many|other|senior|western|u\.s\.|american|ukrainian|russian|european)\s+)*(?:officials|sources|analysts|experts|observers|insiders|diplomats))(?![\p{L}])`,
  "iu",
);

/** The attribution in `text` (a sentence's narration), or undefined if it names no source. */
export function findAttribution(text: string, extraPhrases: readonly RegExp[] = []): Attribution | undefined {
  const found = firstAttributingPhrase(text, extraPhrases);
  if (!found) return undefined;
  let kind: AttributionKind | undefined;
  return {
    means: "phrase",
    start: found.start,
    end: found.end,
    form: found.form,
    // Told only when asked (by the optional vague-attribution rule): it is another pass over
    // the sentence for every attributed figure.
    get kind() {
      kind ??= namesItsSource(text, extraPhrases) ? "named" : "vague";
      return kind;
    },
  };
}

/** Vague only when nothing but the unnamed source attributes: `According to Reuters, troops reportedly…` names Reuters. */
function namesItsSource(text: string, extraPhrases: readonly RegExp[]): boolean {
  const vague = VAGUE_MARKERS.exec(text);
  return !vague || !!firstAttributingPhrase(text.slice(0, vague.index) + " ".repeat(vague[0].length) + text.slice(vague.index + vague[0].length), extraPhrases);
}

/** True when a quotation's surrounding narration names its speaker (`he said`, `told parliament:`). */
export function namesSpeaker(narration: string): boolean {
  VERB.lastIndex = 0;
  for (let m = VERB.exec(narration); m; m = VERB.exec(narration)) {
    if (isAttributingVerb(narration, m.index, m[1])) return true;
  }
  return false;
}

/** The patterns tried in turn before speech verbs, and how each names its source. */
const PHRASES: [RegExp, PhraseForm][] = [
  [ACCORDING_TO, "lead"],
  [CITING, "lead"],
  [PER_SOURCE, "lead"],
  [DOCUMENT_SHOWS, "document"],
  [PUT_AT, "speaker"],
  [AS_REPORTED, "lead"],
];

function firstAttributingPhrase(text: string, extra: readonly RegExp[]): { start: number; end: number; form: PhraseForm } | undefined {
  for (const [re, form] of PHRASES) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, form };
  }
  for (const re of extra) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, form: "itself" };
  }
  VERB.lastIndex = 0;
  for (let m = VERB.exec(text); m; m = VERB.exec(text)) {
    if (isAttributingVerb(text, m.index, m[1])) return { start: m.index, end: m.index + m[0].length, form: "speaker" };
  }
  const vague = VAGUE_MARKERS.exec(text);
  return vague ? { start: vague.index, end: vague.index + vague[0].length, form: "itself" } : undefined;
}

function isAttributingVerb(text: string, at: number, verb: string): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  const after = text.slice(at + verb.length, at + verb.length + 20);
  const lower = verb.toLowerCase();
  // `an estimated 6,000`, `the reported losses`: an adjective, not a verb.
  if (DETERMINER_BEFORE.test(before)) return false;
  if (IDIOM_BEFORE.test(before) && (lower === "told" || lower === "say")) return false;
  if (NOUN_FORMS.has(lower) && NOT_ATTRIBUTING_AFTER.test(after)) return false;
  // `damage was recorded`: a record with no one named keeping it.
  if (RECORD_VERBS.has(lower) && PASSIVE_BEFORE.test(before) && !/^\s+by(?![\p{L}])/iu.test(after)) return false;
  if (SAID_IDIOM_AFTER.test(after) && /^(?:said|says|say)$/.test(lower)) return false;
  return true;
}

/** Compiles the user's extra attribution phrases into whole-word, case-insensitive patterns. */
export function compilePhrases(phrases: readonly string[]): RegExp[] {
  return phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => new RegExp(String.raw`(?<![\p{L}\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")}(?![\p{L}\p{N}])`, "giu"));
}
