/**
 * Sentences within one prose block, by Intl.Segmenter (Unicode sentence boundaries),
 * corrected for the abbreviations news copy is full of. The segmenter's cost grows faster
 * than its input, so it is fed one block at a time, and a long block in chunks.
 */
import { lastAtOrBefore } from "./sorted";

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

/**
 * The segmenter's cost grows faster than the text it is given, so a long block is fed to it
 * in chunks of about this many characters, cut where a sentence clearly ends.
 */
const CHUNK = 2000;

/**
 * Where the segmenter surely ends a sentence: a full stop, question or exclamation mark,
 * closing marks, spaces, and a capital (perhaps after an opening quote or bracket), unless
 * the word before is an abbreviation that goes on. Unicode's sentence rules break there.
 */
const SURE_END = /[.!?]["”’')\]]*\s+(?=["“‘(]?\p{Lu})/gu;

/**
 * Where the next sentence starts after a SURE_END match, or -1 when the word before it is an
 * abbreviation that goes on (the word is read no further back than `floor`).
 */
function sureEndAfter(flat: string, m: RegExpExecArray, floor: number): number {
  const end = m.index + m[0].length;
  return continuesAfterAbbreviation(flat.slice(Math.max(floor, m.index - 23), m.index + 1), flat.slice(end, end + 12)) ? -1 : end;
}

/** A soft line break is not a paragraph end; the segmenter would treat it as one. */
export const flatten = (text: string) => text.replace(/[\r\n\u2028\u2029]/g, " ");

/**
 * Splits a block's prose into sentences: the stretches between sure sentence ends are
 * segmented one by one, and a stretch with nothing that could end a sentence before its own
 * end (most of them) is one sentence without the segmenter.
 */
export function splitSentences(text: string): Sentence[] {
  const flat = flatten(text);
  const cuts = sureCuts(flat);
  // A stretch with no sure end in it is a wall of text: that is what chunks are for.
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1] - cuts[i] > CHUNK * 2) return segmentWhole(flat);
  const sentences: Sentence[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) segmentChunk(flat, cuts[i], cuts[i + 1], sentences);
  return sentences;
}

/**
 * The sentences of a block as the segmenter reads the whole of it (in chunks, as its cost
 * grows faster than its input). splitSentences and sentencesAround give the same, as their
 * tests show.
 */
export function segmentWhole(flat: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (let from = 0; from < flat.length; ) {
    const to = chunkEnd(flat, from);
    segmentChunk(flat, from, to, sentences);
    from = to;
  }
  return sentences;
}

/** Where a chunk starting at `from` ends: the first clear sentence end past CHUNK characters. */
function chunkEnd(flat: string, from: number): number {
  if (flat.length - from <= CHUNK * 2) return flat.length;
  SURE_END.lastIndex = from + CHUNK;
  for (let m = SURE_END.exec(flat); m && m.index < from + CHUNK * 4; m = SURE_END.exec(flat)) {
    const end = sureEndAfter(flat, m, from);
    if (end >= 0) return end;
  }
  // No sentence end in reach (a run-on wall of text): cut at a space rather than not at all.
  const space = flat.indexOf(" ", from + CHUNK * 4);
  return space < 0 ? flat.length : space + 1;
}

/**
 * The sentences that hold the given offsets, in order, as splitSentences finds them. The
 * segmenter is the costliest step of reading a block, and most of a block's sentences hold
 * no figure: the block is cut where a sentence surely ends, and only the stretches between
 * cuts that hold an offset are segmented.
 */
export function sentencesAround(text: string, offsets: readonly number[]): Sentence[] {
  const flat = flatten(text);
  const cuts = sureCuts(flat);
  const windows: number[] = [];
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    const i = Math.max(0, lastAtOrBefore(cuts, offset, (c) => c));
    if (i >= cuts.length - 1 || windows[windows.length - 1] === i) continue;
    // A stretch with no sure end in it is a wall of text: that is what chunks are for.
    if (cuts[i + 1] - cuts[i] > CHUNK * 2) return segmentWhole(flat);
    windows.push(i);
  }
  const sentences: Sentence[] = [];
  for (const i of windows) segmentChunk(flat, cuts[i], cuts[i + 1], sentences);
  return sentences;
}

/** The start of a flattened block, every place a sentence surely ends in it, and its end. */
function sureCuts(flat: string): number[] {
  const cuts = [0];
  SURE_END.lastIndex = 0;
  for (let m = SURE_END.exec(flat); m; m = SURE_END.exec(flat)) {
    const end = sureEndAfter(flat, m, 0);
    if (end >= 0) cuts.push(end);
  }
  cuts.push(flat.length);
  return cuts;
}

/** What can end a sentence under Unicode's rules: a terminal, a full stop or a paragraph separator. */
const ENDS_AT = /[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E\u0085]/uy;
/**
 * Where to look for one: an ASCII terminal, or any character beyond ASCII, which ENDS_AT then
 * judges. A class of the Unicode property tried at every character cost a tenth of reading a
 * block; most characters are ASCII, and those are judged by this class alone.
 */
const ENDS_OR_WIDE = /[.!?\u0080-\uffff]/g;
const FULL_STOP = 46;
const EXCLAMATION_MARK = 33;
const QUESTION_MARK = 63;
/** A text's own ending, from its first terminal: terminals, then closing marks, then spaces. */
const OWN_END = /[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E]+["”’')\]]*\s*$/uy;

/**
 * Whether anything before a text's own ending could end a sentence (if not, it is one
 * sentence): the text's first possible end is the start of its own ending, or there is none.
 * One scan up to that first end, and no copy: this runs for every stretch around a figure.
 */
export function canEndInside(text: string): boolean {
  const first = firstPossibleEnd(text);
  if (first < 0) return false;
  OWN_END.lastIndex = first;
  return !OWN_END.test(text);
}

/**
 * Where a sentence could first end in `text`, or -1. A full stop with a digit right after it
 * (`1.5`) is not such a place: the rules never end a sentence there, and figures are full of
 * decimals, each of which would send its sentence to the segmenter.
 */
function firstPossibleEnd(text: string): number {
  ENDS_OR_WIDE.lastIndex = 0;
  for (let m = ENDS_OR_WIDE.exec(text); m; m = ENDS_OR_WIDE.exec(text)) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === FULL_STOP) {
      const next = text.charCodeAt(at + 1);
      if (next >= 48 && next <= 57) continue;
      return at;
    }
    if (c === EXCLAMATION_MARK || c === QUESTION_MARK) return at;
    // Beyond ASCII; a terminal beyond the first plane is read whole from its first half.
    ENDS_AT.lastIndex = at;
    if (ENDS_AT.test(text)) return at;
  }
  return -1;
}

function segmentChunk(flat: string, from: number, to: number, sentences: Sentence[]): void {
  const chunk = from === 0 && to === flat.length ? flat : flat.slice(from, to);
  // Most stretches around a figure are one sentence with nothing that could end it before its
  // own end: the segmenter would give it back whole.
  if (!canEndInside(chunk)) {
    const end = from + chunk.trimEnd().length;
    const start = Math.min(from + chunk.length - chunk.trimStart().length, end);
    if (end > start) sentences.push({ start, end });
    return;
  }
  let pendingStart = -1;
  for (const { index: at, segment } of segmenter.segment(chunk)) {
    const index = at + from;
    const start = pendingStart >= 0 ? pendingStart : index;
    const end = index + segment.trimEnd().length;
    const next = flat.slice(index + segment.length, Math.min(to, index + segment.length + 12));
    // Only the sentence's last word matters; a bounded tail keeps long merges linear.
    if (next && continuesAfterAbbreviation(flat.slice(Math.max(start, end - 24), end), next)) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    const leading = segment.length - segment.trimStart().length;
    if (end > start) sentences.push({ start: Math.min(start + (start === index ? leading : 0), end), end });
  }
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
