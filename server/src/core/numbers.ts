/**
 * Numbers as news copy writes them: digits with thousands separators and decimals,
 * scale words (`2.4 billion`, `£3bn`), and spelled-out numbers (`nine`, `twenty-five`,
 * `two hundred`, `two dozen`).
 */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  dozen: 12,
};

/** The words a spelled-out number can start with. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(UNITS), ...Object.keys(TENS)];

const unitWords = Object.keys(UNITS).join("|");
const tensWords = Object.keys(TENS).join("|");
/** One spelled-out number: `nine`, `twenty-five`, `two hundred`, `three thousand five hundred`. */
export const SPELLED_NUMBER = `(?:(?:${tensWords})(?:[-\\s](?:${unitWords}))?|${unitWords})(?:\\s+(?:and\\s+)?(?:hundred|thousand|million|billion|dozen|(?:${tensWords})(?:-(?:${unitWords}))?|${unitWords}))*`;

/** The value of a digit string such as `4,000`, `2.5` or `1,200.75`. */
export function parseDigits(digits: string): number {
  return Number(digits.replace(/,/g, ""));
}

/** The value of a spelled-out number, or NaN when the words do not make one. */
export function parseSpelled(words: string): number {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words.toLowerCase().split(/[\s-]+/)) {
    if (raw === "and" || raw === "") continue;
    if (raw in UNITS) current += UNITS[raw];
    else if (raw in TENS) current += TENS[raw];
    else if (raw === "hundred" || raw === "dozen") current = (current || 1) * SCALES[raw];
    else if (raw in SCALES) {
      total += (current || 1) * SCALES[raw];
      current = 0;
    } else return NaN;
    seen = true;
  }
  return seen ? total + current : NaN;
}

/** The multiplier of a scale word: `billion`, `bn`, `m`, `k` (callers decide where single letters may stand). */
export function scaleOf(word: string): number | undefined {
  return SCALES[word.toLowerCase()];
}
