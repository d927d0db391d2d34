/**
 * The words that say what a figure is about: the thing a count counts (`troops` in `more than
 * 4,000 Ukrainian troops`), and the content words of its sentence, which tell one event from
 * another. Both are normalised (lower case, singular) so a draft and a source compare.
 */
import { NOT_COUNTED, type Figure } from "../figures";
import { NUMBER_WORDS, SCALES } from "../numbers";

/** A number as digits, with a currency before it or a scale letter glued after it: `4,000`, `$61bn`, `4k`. */
const DIGITS_AHEAD = /^[\s\u00a0]*(?:[$£€₴₽¥]\s?)?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:bn|mn|mln|k|m|b)?(?![\p{L}\p{N}])/iu;
const WORD_AHEAD = /^[\s\u00a0]*([\p{L}][\p{L}'’]*(?:-[\p{L}]+)*|%)/u;
/** Words a count's number is made of, or that stand between it and what it counts. */
const NUMBER_PARTS = new Set([
  ...NUMBER_WORDS,
  ...Object.keys(SCALES).filter((s) => s.length > 2),
  ..."a an half dozens hundreds thousands millions billions tens scores of the its their his her our those these all % percent per cent".split(" "),
]);
/** The counted words that name one thing: a copy editor's troops are the soldiers too. */
const SAME_THING: Record<string, string> = { soldier: "troop", serviceman: "troop", servicemember: "troop", personnel: "troop" };
const IRREGULAR: Record<string, string> = { people: "person", men: "man", women: "woman", children: "child", servicemen: "serviceman" };
/** How far past a figure's number its counted noun is looked for. */
const REACH = 3;

/**
 * The thing a count or percentage counts, lower-case and singular, or undefined when no noun
 * follows (`Ukraine lost 4,000.`). Of the few words after the number, a plural common noun is
 * taken before an adjective or a name: `4,000 Ukrainian troops` counts troops,
 * `20 ATACMS missiles` counts missiles.
 */
export function countedThing(text: string, figure: Figure): string | undefined {
  if (figure.kind !== "count" && figure.kind !== "percent") return undefined;
  let at = figure.start + qualifierLength(text, figure);
  const digits = DIGITS_AHEAD.exec(text.slice(at, at + 40));
  if (digits) at += digits[0].length;
  const words: string[] = [];
  for (let m = WORD_AHEAD.exec(text.slice(at, at + 40)); m; m = WORD_AHEAD.exec(text.slice(at, at + 40))) {
    const word = m[1];
    at += m[0].length;
    const lower = word.toLowerCase();
    if (words.length === 0 && NUMBER_PARTS.has(lower)) continue;
    if (NOT_COUNTED.has(lower) || NUMBER_PARTS.has(lower) || words.length === REACH) break;
    words.push(word);
  }
  const common = words.filter((w) => w === w.toLowerCase());
  const noun = common.find((w) => /[^s]s$/.test(w)) ?? common[0] ?? words[0];
  return noun === undefined ? undefined : normalWord(noun);
}

/** Lower case, singular, and the one name for things a newsroom counts under several. */
function normalWord(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'").replace(/'s?$/, "");
  const singular = IRREGULAR[lower] ?? singularOf(lower);
  return SAME_THING[singular] ?? singular;
}

function singularOf(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || word.endsWith("ss")) return word;
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Words too common to tell events apart. */
const COMMON = new Set(
  "according also against amid because despite during last next week's over said since their them there they this those through when where which while would could should".split(" "),
);

/**
 * The content words of a sentence, normalised, leaving out the figure's own words (they are
 * what is compared, not the context): names, verbs and nouns of three letters or more that are
 * no function word or number.
 */
export function contentWords(sentence: string, figureFrom: number, figureTo: number): Set<string> {
  const words = new Set<string>();
  const context = sentence.slice(0, figureFrom) + " " + sentence.slice(figureTo);
  for (const m of context.matchAll(/[\p{L}][\p{L}'’]*/gu)) {
    const word = m[0].toLowerCase();
    if (word.length < 3 || NOT_COUNTED.has(word) || NUMBER_PARTS.has(word) || COMMON.has(word)) continue;
    words.add(normalWord(word));
  }
  return words;
}

/** The length of the qualifier at a figure's start (`more than `): its words and the spaces after each. */
function qualifierLength(text: string, figure: Figure): number {
  let words = figure.qualifier ? figure.qualifier.split(" ").length : 0;
  let at = figure.start;
  while (words > 0 && at < text.length) {
    while (at < text.length && !/\s/.test(text[at])) at++;
    while (at < text.length && /\s/.test(text[at])) at++;
    words--;
  }
  return at - figure.start;
}
