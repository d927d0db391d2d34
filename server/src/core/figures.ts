/**
 * Figures (spec section 2): quantities a reader expects to be sourced. A scan per block
 * finds number cores (digits, money, spelled-out numbers, vague counts, fractions); each is
 * then judged by the few words around it (a date, a designation, an ordinal, a duration are
 * not figures) and grown to cover its qualifier, unit or counted noun, and a directly
 * following parenthetical conversion.
 */
import { NUMBER_WORDS, parseDigits, parseSpelled, scaleOf, SPELLED_NUMBER } from "./numbers";
import { MACH, SHORT_UNIT_PATTERN, TIME_UNITS, UNIT_PATTERN, unitOf, type Unit } from "./units";

export type FigureKind = "count" | "money" | "percent" | "fraction" | "measure";

/** A stated quantity with its unit, as a spec or a conversion compares it. */
export interface Quantity {
  value: number;
  unit: Unit;
  /** Prose offsets of the number and its unit (what a corrected value replaces). */
  start: number;
  end: number;
}

export interface Figure {
  kind: FigureKind;
  /** Prose offsets of the whole figure: qualifier, number, unit, conversion. */
  start: number;
  end: number;
  /** The number as stated, scale applied; undefined for vague counts (`dozens of`). */
  value?: number;
  /** The qualifier in front, lower-cased: `more than`, `up to`, `about`… */
  qualifier?: string;
  /** For measurements: the main quantity. */
  measure?: Quantity;
  /** For measurements and money: a directly following parenthetical conversion. */
  conversion?: Quantity;
  currency?: string;
}

const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const CURRENCY_SYMBOL = String.raw`(?:US|A|C|NZ|HK)?\$|[£€₴₽¥]`;
const FRACTION_WORD = "halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?";
const SMALL = "a|one|two|three|four|five|six|seven|eight|nine|ten";
const VAGUE = String.raw`(?:tens|hundreds)\s+of\s+thousands|dozens|hundreds|thousands|millions|billions|scores`;

/**
 * A number core in digits, with or without a currency: group 1 is money (2 its currency, 3
 * its amount), group 4 a bare number. Numbered, not named: named groups cost an object per
 * match, and prose is full of numbers. Tried only where nextDigitCore finds one can start.
 */
const DIGIT_CORE = new RegExp(
  [String.raw`((${CURRENCY_SYMBOL})\s?(${DIGITS}))`, String.raw`(?<![\p{L}\p{N}_$£€.,])(${DIGITS})(?![\p{N}])`].join("|"),
  "iuy",
);
/** What every digit core holds, at most two characters after its start (`NZ$5`, `.5`). */
const CORE_CHARACTER = /[\d$£€₴₽¥]/g;
const MOST_BEFORE_CORE_CHARACTER = 2;
/**
 * Number cores in words, tried only where a word that can start one begins: a regular
 * expression that tried these words at every character would cost more than all the rest
 * of the scan.
 */
const WORD_CORE = new RegExp(
  [
    String.raw`(?<frac>(?:${SMALL})[-\s](?:${FRACTION_WORD})|half(?!\s+a\s+(?:dozen|hundred|thousand|million|billion)))(?![\p{L}])`,
    String.raw`(?<vague>${VAGUE})\s+of(?![\p{L}])`,
    String.raw`(?<words>(?:half\s+)?a\s+(?:dozen|hundred|thousand|million|billion)|${SPELLED_NUMBER})(?![\p{L}])`,
  ].join("|"),
  "iuy",
);
const WORD_CORE_STARTS = [...new Set([...SMALL.split("|"), "half", "tens", "dozens", "hundreds", "thousands", "millions", "billions", "scores", ...NUMBER_WORDS])];
/**
 * A word that can start a number core in words, as a whole word of ASCII letters, in either
 * case. A word boundary, not a look-behind, before it: the engine finds those faster, and a
 * start after a digit or `_`, which only the look-behind would let through, is not one (see
 * INSIDE_WORD).
 */
const WORD_START = new RegExp(`\\b(?:${WORD_CORE_STARTS.sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z])`, "gi");
/** A word core starts a word: no letter, digit or joiner right before it. */
const INSIDE_WORD = /[\p{L}\p{N}_'’-]$/u;

const QUALIFIER = new RegExp(
  String.raw`(?:^|[^\p{L}])((?:(?:just|well|far|slightly|many|much)\s+)?(?:more|less|fewer|greater|higher|faster|slower|lower|longer|larger|bigger)\s+than|nearly|almost|about|around|roughly|approximately|some|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|far|high|long|little|few)\s+as|(?:just\s+|well\s+)?(?:over|under)|close\s+to|in\s+excess\s+of|upwards\s+of|no\s+(?:more|fewer|less)\s+than|not\s+more\s+than|an?\s+estimated|an\s+additional|another|a\s+further|only|just|exactly|barely|below|above|beyond|between|an\s+extra|a\s+mere)\s+$`,
  "iu",
);

const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const MONTH_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(${MONTH})\.?\s+$`, "iu");
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})(?![\p{L}])`, "iu");
const MONTH_CASED = /^[A-Z]/;
/** Words that make the following number a name or label: `Article 5`, `version 2.3`, `No. 3`. */
const LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:article|page|pages|chapter|section|paragraph|clause|resolution|version|release|route|highway|phase|stage|block|level|tier|grade|type|model|mark|mk|no\.|nos\.|number|flight|gate|platform|room|floor|line|item|figure|table|step|season|episode|volume|issue|unit|squadron)\s+$/iu;
const CLOCK_AFTER = /^\s?(?:a\.?m\.?|p\.?m\.?|am|pm|gmt|utc|cet|eet|msk|o'clock|hrs)(?![\p{L}])/iu;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![\p{L}])/u;
const DURATION_AFTER = new RegExp(String.raw`^(?:[-\s]+(?:${TIME_UNITS})(?![\p{L}])|-year-olds?|\s+years?\s+old)`, "iu");
const DECADE_AFTER = /^s(?![\p{L}])/u;
const PERCENT_AFTER = /^(?:\s?%|\s?pc(?![\p{L}])|\s+(?:percent|per\s+cent|percentage\s+points?)(?![\p{L}]))/iu;
const PERCENT_RANGE_AFTER = new RegExp(String.raw`^\s*(?:-|–|to)\s*(?:${DIGITS})(?:\s?%|\s+(?:percent|per\s+cent))`, "iu");
const SCALE_AFTER = /^\s+(hundred|thousand|million|billion|trillion|bn|mn|mln)(?![\p{L}])/iu;
const ATTACHED_SCALE = /^(bn|mn|mln|tn|m|k|b)(?![\p{L}])/iu;
const CURRENCY_WORD_AFTER =
  /^\s+(?:(?:us|u\.s\.)\s+)?(dollars|euros|pounds(?:\s+sterling)?|sterling|hryvnias?|hryvnia|roubles|rubles|yuan|yen|francs|zlotys?|zloty|kronor|kroner)(?![\p{L}])/iu;
const UNIT_AFTER = new RegExp(String.raw`^(?:(?:[-\s]|\u00a0|\u202f)?(${UNIT_PATTERN})|(${SHORT_UNIT_PATTERN}))(?![\p{L}\p{N}])`, "iu");
const RANGE_AFTER = new RegExp(String.raw`^\s*(?:-|–|to|or)\s*(${DIGITS})(?![\p{N}])`, "iu");
const RANGE_AND_AFTER = new RegExp(String.raw`^\s+and\s+(${DIGITS})(?![\p{N}])`, "iu");
const RATE_AFTER = new RegExp(String.raw`^\s+(?:in|out\s+of)\s+(?:every\s+)?(${DIGITS}|${SMALL}|twenty|hundred|a\s+hundred)(?![\p{L}\p{N}])`, "iu");
/**
 * `(190 miles)`, `(about $3.1bn)`. A qualifier takes the spaces after it, so there is one way
 * to read the spaces in the bracket: two optional runs of spaces in a row would try every split.
 */
const CONVERSION_AFTER = new RegExp(
  String.raw`^\s*\(\s*(?:(?:about|around|roughly|some|nearly|almost|approximately|~|c\.|more\s+than|up\s+to)\s*)?(?<cur>${CURRENCY_SYMBOL})?\s?(?<num>${DIGITS})(?<rest>[^()]{0,24})\)`,
  "iu",
);
const PARTITIVE_AFTER = /^\s+of\s+(?:the|its|their|his|her|our|those|these|them|all)(?![\p{L}])/iu;
const WORD_AFTER = /^[\s\u00a0]+([\p{L}][\p{L}\p{N}'’-]*)/u;
const HYPHEN_WORD_AFTER = /^-[\p{L}]/u;
const DESIGNATION_BEFORE = /[\p{L}][-–]?$|[#№]$|\d[.:/]$|\d[-–]$/u;
const CAPITALISED_WORD_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]*)\s+$/u;
const MACH_BEFORE = /(?:^|[^\p{L}])Mach\s+$/u;
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|these|those|both|all|its|their|his|her|our|my|your|whose|which)\s+$/iu;
const PRECEDED_BY_ORDINAL = /(?:^|[^\p{L}])(?:first|second|third|fourth|last|latter|other|the|next)\s+$/iu;
const FRACTION_FOLLOWER = /^(?:\s+(?:of|in|on|since|from|to|over|this|last|compared|by|during|between)(?![\p{L}])|\s*[,.;:!?)”"]|\s*$)/u;

/** Words after a number that are not what it counts. */
export const NOT_COUNTED = new Set(
  ("a an the of in on at to by for from with without and or but nor so yet as than that this these those which who whom whose what when where why how " +
    "is are was were be been being has have had do does did will would shall should can could may might must not no it its they them their there here " +
    "he she his her we our you your per each every all any some more most many much few less least only also just still even again about around over under " +
    "into onto off out up down through across after before since until while if then else very too such said says told reported percent").split(" "),
);
/** Nouns that make a hyphenated number a label, not a quantity (`a 12-point plan`). */
const LABEL_NOUNS = /^-(?:point|page|part|step|stage|phase|way|word|member|nation|country|strong)(?![\p{L}])/iu;

/**
 * What comes before a number, as far as the words that judge it reach: the longest are
 * three-word qualifiers (`no more than`), so the last four words, within 40 characters. The
 * expressions that read it are anchored at its end and try every position in it, so each
 * word left out is time saved on every figure.
 */
function windowBefore(text: string, at: number): string {
  const from = Math.max(0, at - 40);
  let words = 0;
  for (let i = at - 1; i > from; i--) {
    if (isSpace(text.charCodeAt(i - 1)) && !isSpace(text.charCodeAt(i)) && ++words === 4) return text.slice(i, at);
  }
  return text.slice(from, at);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

const windowAfter = (text: string, at: number) => text.slice(at, at + 60);

/** Finds every figure in one block of prose. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  // Cores in digits and in words come from two scans, taken in order of position (digits
  // first at a tie); nothing that starts before `scanFrom` (inside the last core or figure)
  // is taken.
  let scanFrom = 0;
  let digits = nextDigitCore(text, 0);
  let words = nextWordCore(text, 0);
  for (;;) {
    if (digits && digits.index < scanFrom) digits = nextDigitCore(text, scanFrom);
    if (words && words.index < scanFrom) words = nextWordCore(text, scanFrom);
    const m = digits && (!words || digits.index <= words.index) ? digits : words;
    if (!m) break;
    const end = m.index + m[0].length;
    const inDigits = m === digits;
    if (inDigits) digits = nextDigitCore(text, end);
    else words = nextWordCore(text, end);
    scanFrom = end;
    let figure: Figure | undefined;
    if (!inDigits) {
      const g = m.groups!;
      figure = g.frac
        ? fractionFigure(text, m.index, end, g.frac)
        : g.vague
          ? { kind: "count" as const, start: m.index, end: countedNounEnd(text, end) }
          : wordFigure(text, m.index, end, g.words);
    } else figure = m[1] !== undefined ? moneyFigure(text, m.index, end, m[2], parseDigits(m[3])) : digitFigure(text, end - m[4].length, m[4]);
    if (!figure) continue;
    withQualifier(text, figure);
    figures.push(figure);
    scanFrom = Math.max(scanFrom, figure.end);
  }
  return figures;
}

/**
 * The next number core in digits at or after `from`. The core's characters are looked for
 * first, and the pattern is tried only in the two places before each and at it: tried at
 * every character, its currency prefixes and look-behind cost a tenth of reading figures.
 */
function nextDigitCore(text: string, from: number): RegExpExecArray | null {
  let tried = from;
  CORE_CHARACTER.lastIndex = from;
  for (let c = CORE_CHARACTER.exec(text); c; c = CORE_CHARACTER.exec(text)) {
    for (let at = Math.max(tried, c.index - MOST_BEFORE_CORE_CHARACTER); at <= c.index; at++) {
      DIGIT_CORE.lastIndex = at;
      const m = DIGIT_CORE.exec(text);
      if (m) return m;
    }
    tried = c.index + 1;
  }
  return null;
}

/**
 * The next number core in words at or after `from`, tried only where a word that can start
 * one stands. A pattern of those words finds them: reading the prose a character at a time
 * in script, hashing each word, took a fifth longer (a block's text is a slice of the
 * draft, whose characters script reads more slowly than the pattern engine does).
 */
function nextWordCore(text: string, from: number): RegExpExecArray | null {
  WORD_START.lastIndex = from;
  for (let w = WORD_START.exec(text); w; w = WORD_START.exec(text)) {
    const i = w.index;
    if (INSIDE_WORD.test(text.slice(Math.max(0, i - 2), i))) continue;
    WORD_CORE.lastIndex = i;
    const m = WORD_CORE.exec(text);
    if (m) return m;
  }
  return null;
}

function digitFigure(text: string, start: number, digits: string): Figure | undefined {
  const before = windowBefore(text, start);
  let end = start + digits.length;
  let after = windowAfter(text, end);
  let value = parseDigits(digits);
  if (/^\.\d/.test(after) || /^[:/]\d/.test(after)) return undefined; // version, clock time, ratio
  if (ORDINAL_AFTER.test(after) || DECADE_AFTER.test(after) || CLOCK_AFTER.test(after)) return undefined;
  if (MACH_BEFORE.test(before)) {
    const machStart = start - before.length + before.lastIndexOf("Mach");
    return measureFigure(text, machStart, end, value, MACH);
  }
  if (DESIGNATION_BEFORE.test(before) || LABEL_BEFORE.test(before)) return undefined;
  if (isDate(before, after, digits)) return undefined;
  if (isNameNumber(before, digits)) return undefined;

  // A range shares its unit: `20-30 men`, `20 to 30 km`, `between 20 and 30`.
  const range = RANGE_AFTER.exec(after) ?? (/between\s+$/i.test(before) ? RANGE_AND_AFTER.exec(after) : null);
  if (range && !/^\d{4}$/.test(digits)) {
    end += range[0].length;
    value = parseDigits(range[1]);
    after = windowAfter(text, end);
  }
  if (DURATION_AFTER.test(after)) return undefined;
  const isYear = /^\d{4}$/.test(digits) && value >= 1900 && value <= 2099;

  const percent = PERCENT_AFTER.exec(after);
  if (percent) {
    // `30% to 40%` is one figure, like `20 to 30 km`.
    const upper = PERCENT_RANGE_AFTER.exec(after.slice(percent[0].length));
    return { kind: "percent", start, end: end + percent[0].length + (upper?.[0].length ?? 0), value };
  }
  const rate = RATE_AFTER.exec(after);
  if (rate && !isYear) return { kind: "fraction", start, end: end + rate[0].length, value };

  const attached = ATTACHED_SCALE.exec(after);
  const unit = UNIT_AFTER.exec(after);
  if (unit && !(attached && attached[1].toLowerCase() === "m" && CURRENCY_WORD_AFTER.test(after.slice(1)))) {
    const u = unitOf(unit[1] ?? unit[2]);
    if (u) return measureFigure(text, start, end + unit[0].length, value, u, start);
  }
  if (attached && attached[1].toLowerCase() !== "m") {
    value *= scaleOf(attached[1]) ?? 1;
    end += attached[0].length;
    after = windowAfter(text, end);
  }
  const scale = SCALE_AFTER.exec(after);
  if (scale) {
    value *= scaleOf(scale[1]) ?? 1;
    end += scale[0].length;
    after = windowAfter(text, end);
  } else if (isYear) return undefined;
  const currency = CURRENCY_WORD_AFTER.exec(after);
  if (currency) return withConversion(text, { kind: "money", start, end: end + currency[0].length, value, currency: currency[1].toLowerCase() });
  if (LABEL_NOUNS.test(after)) return undefined;
  return { kind: "count", start, end: countedNounEnd(text, end), value };
}

function moneyFigure(text: string, start: number, end: number, currency: string, amount: number): Figure {
  let value = amount;
  const after = windowAfter(text, end);
  const attached = ATTACHED_SCALE.exec(after) ?? SCALE_AFTER.exec(after);
  if (attached) {
    value *= scaleOf(attached[1]) ?? 1;
    end += attached[0].length;
  }
  return withConversion(text, { kind: "money", start, end, value, currency });
}

function measureFigure(text: string, start: number, end: number, value: number, unit: Unit, numberStart = start): Figure {
  const figure: Figure = { kind: "measure", start, end, value, measure: { value, unit, start: numberStart, end } };
  return withConversion(text, figure);
}

/** Takes in a directly following `(190 miles)` when it converts the figure. */
function withConversion(text: string, figure: Figure): Figure {
  const m = CONVERSION_AFTER.exec(windowAfter(text, figure.end));
  if (!m) return figure;
  const g = m.groups!;
  const value = parseDigits(g.num);
  const rest = g.rest.trim();
  if (figure.kind === "money") {
    // `($3.1bn)`, `(3.1 billion dollars)`: an amount and nothing else, in some currency.
    const words = rest.replace(/^(?:bn|mn|m|k|billion|million|thousand)(?![\p{L}])\s*/iu, "");
    const currency = CURRENCY_WORD_AFTER.exec(" " + words);
    const isAmount = words === "" ? !!g.cur : !!currency && currency[0].length === words.length + 1;
    if (isAmount) figure.end += m[0].length;
    return figure;
  }
  if (!figure.measure || g.cur) return figure;
  const unitMatch = UNIT_AFTER.exec(rest.startsWith("-") ? rest : rest ? " " + rest : "");
  const unit = unitMatch && unitOf(unitMatch[1] ?? unitMatch[2]);
  if (!unit || unit.dimension !== figure.measure.unit.dimension || unitMatch![0].trim().replace(/^-/, "").length < rest.replace(/^-/, "").length) return figure;
  const numStart = figure.end + m[0].indexOf(g.num, m[0].indexOf("(") + 1);
  figure.conversion = { value, unit, start: numStart, end: numStart + g.num.length + unitMatch![0].length };
  figure.end += m[0].length;
  return figure;
}

function fractionFigure(text: string, start: number, end: number, words: string): Figure | undefined {
  const before = windowBefore(text, start);
  const after = windowAfter(text, end);
  const lower = words.toLowerCase();
  if (HYPHEN_WORD_AFTER.test(after)) return undefined; // half-hearted, a third-party
  if (lower === "half") {
    if (PRECEDED_BY_ORDINAL.test(before) || !/^\s+(?:of|the|its|their|his|her|our|a|an|all|that|this|those|these)(?![\p{L}])/iu.test(after)) return undefined;
    return { kind: "fraction", start, end: end + (/^\s+of(?![\p{L}])/iu.exec(after)?.[0].length ?? 0) + nounAfterOf(text, end), value: 0.5 };
  }
  // `a third` is a fraction before `of`, a preposition or the sentence end; `a third time` is not.
  if (/^(?:a|one)\s/i.test(lower) && (DETERMINER_BEFORE.test(before) || !FRACTION_FOLLOWER.test(after))) return undefined;
  return { kind: "fraction", start, end };
}

/** Length of `the hospitals` in `half of the hospitals`, counted from after `of`. */
function nounAfterOf(text: string, end: number): number {
  const m = /^(\s+of)(\s+(?:the\s+)?[\p{L}’']+)/iu.exec(windowAfter(text, end));
  return m ? m[2].length : 0;
}

function wordFigure(text: string, start: number, end: number, words: string): Figure | undefined {
  const before = windowBefore(text, start);
  const after = windowAfter(text, end);
  const lower = words.toLowerCase().replace(/\s+/g, " ");
  let value = lower.startsWith("half a ") ? parseSpelled(lower.slice(7)) / 2 : lower.startsWith("a ") ? parseSpelled(lower.slice(2)) : parseSpelled(lower);
  if (!Number.isFinite(value)) return undefined;
  const rate = RATE_AFTER.exec(after);
  if (rate) return { kind: "fraction", start, end: end + rate[0].length, value };
  // `one` and `a` are determiners and pronouns (`one of the lawmakers`), never figures alone.
  if (lower === "one") return undefined;
  if (DURATION_AFTER.test(after) || (HYPHEN_WORD_AFTER.test(after) && !UNIT_AFTER.test(after))) return undefined;
  if (value <= 10 && DETERMINER_BEFORE.test(before)) return undefined; // the two leaders
  if (/^\s+(?:of\s+)?(?:a\s+)?kind(?![\p{L}])/iu.test(after)) return undefined;
  const unit = UNIT_AFTER.exec(after);
  if (unit && (unit[1] ?? "").length > 2) {
    const u = unitOf(unit[1]);
    if (u) return measureFigure(text, start, end + unit[0].length, value, u);
  }
  const percent = PERCENT_AFTER.exec(after);
  if (percent) return { kind: "percent", start, end: end + percent[0].length, value };
  const currency = CURRENCY_WORD_AFTER.exec(after);
  if (currency) return { kind: "money", start, end: end + currency[0].length, value, currency: currency[1].toLowerCase() };
  const scale = SCALE_AFTER.exec(after);
  if (scale) value *= scaleOf(scale[1]) ?? 1;
  return { kind: "count", start, end: countedNounEnd(text, end + (scale ? scale[0].length : 0)), value };
}

/** Extends a count over `of the` and the noun it counts, so the range reads as the claim. */
function countedNounEnd(text: string, end: number): number {
  let after = windowAfter(text, end);
  const partitive = PARTITIVE_AFTER.exec(after);
  if (partitive) {
    end += partitive[0].length;
    after = windowAfter(text, end);
  }
  const word = WORD_AFTER.exec(after);
  if (word && !NOT_COUNTED.has(word[1].toLowerCase())) return end + word[0].length;
  return end;
}

function withQualifier(text: string, figure: Figure): void {
  const q = QUALIFIER.exec(windowBefore(text, figure.start));
  if (!q) return;
  figure.qualifier = q[1].toLowerCase().replace(/\s+/g, " ");
  const trailing = q[0].length - q[0].trimEnd().length;
  figure.start -= trailing + q[1].length;
}

/** `24 February`, `February 24`, `Dec. 14`, `July 29, 2017`: days of a month. */
function isDate(before: string, after: string, digits: string): boolean {
  if (digits.includes(",") || digits.includes(".")) return false;
  const monthAfter = MONTH_AFTER.exec(after);
  if (monthAfter && MONTH_CASED.test(monthAfter[0].replace(/^(?:st|nd|rd|th)?\s+(?:of\s+)?/i, ""))) return true;
  const monthBefore = MONTH_BEFORE.exec(before);
  return !!monthBefore && MONTH_CASED.test(monthBefore[1]);
}

/** `Leopard 2`, `Delta 2.3`, `Article 5`: a capitalised name followed by a small number. */
function isNameNumber(before: string, digits: string): boolean {
  if (digits.includes(",") || digits.length > 3) return false;
  const m = CAPITALISED_WORD_BEFORE.exec(before);
  // A capitalised qualifier (`About 200`) or function word (`Of 40 tanks`) is no name.
  return !!m && !QUALIFIER.test(before) && !NOT_COUNTED.has(m[1].toLowerCase());
}
