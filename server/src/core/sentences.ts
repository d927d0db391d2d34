/**
 * Sentences within one prose block, by Intl.Segmenter (Unicode sentence boundaries),
 * corrected for the abbreviations news copy is full of. The segmenter is fed one block at a
 * time: over a whole document it is quadratic, per block it is linear.
 */

/** A sentence as prose offsets within its block; `end` excludes trailing white space. */
export interface Sentence {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Titles and other abbreviations that are followed by a name, never by a new sentence. */
const TITLES = new Set(
  "mr mrs ms dr gen lt col maj capt sgt cpl pte adm cmdr brig sen rep gov pres prof rev st mt ft fr hon amb supt insp vs approx est incl dept no nos".split(" "),
);
/** Month abbreviations end a sentence only when no day number follows (`Dec. 14`). */
const MONTHS = new Set("jan feb mar apr jun jul aug sep sept oct nov dec".split(" "));

/** Splits a block's prose into sentences. */
export function splitSentences(text: string): Sentence[] {
  // A soft line break is not a paragraph end; the segmenter would treat it as one.
  const flat = text.replace(/[\r\n\u2028\u2029]/g, " ");
  const sentences: Sentence[] = [];
  let pendingStart = -1;
  for (const { index, segment } of segmenter.segment(flat)) {
    const start = pendingStart >= 0 ? pendingStart : index;
    const end = index + segment.trimEnd().length;
    const next = flat.slice(index + segment.length, index + segment.length + 12);
    if (next && continuesAfterAbbreviation(flat.slice(start, end), next)) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    const leading = segment.length - segment.trimStart().length;
    if (end > start) sentences.push({ start: Math.min(start + (start === index ? leading : 0), end), end });
  }
  return sentences;
}

function continuesAfterAbbreviation(sentence: string, next: string): boolean {
  const m = /(?:^|[\s(“"‘'])(?:((?:\p{L}\.){2,})|(\p{L}+)\.)$/u.exec(sentence);
  if (!m) return false;
  const word = m[1] ?? m[2];
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return true;
  if (MONTHS.has(lower)) return /^\d/.test(next);
  if (word.includes(".")) {
    // Initialisms: `U.S. Army` goes on; `5 a.m. Sirens…` ends.
    return /^\p{Lu}/u.test(word) && /^\p{Lu}/u.test(next);
  }
  // A single capital is a middle initial (`Jason R. Crow`).
  return /^\p{Lu}$/u.test(word);
}
