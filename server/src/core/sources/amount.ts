/**
 * A figure's quantity made comparable with another's: the value in base units (scale words
 * and units applied, so `4,000` = `four thousand` = `4k`, and `300 km` = `186 miles`), how
 * the qualifier bounds it, and the range of values the statement allows.
 */
import { currencyCode } from "../comparison";
import type { Figure } from "../figures";
import type { Unit } from "../units";

/** How a qualifier bounds a value: `4,000`, `about 4,000`, `more than 4,000`, `up to 4,000`. */
export type Bound = "exact" | "approximate" | "lower" | "upper";

export interface Amount {
  /** What the value is in: `count`, a currency code (`USD`), `percent`, or a unit dimension (`length`). */
  measure: string;
  /** The value in base units; the parenthetical conversion's too, where the figure has one. */
  values: number[];
  bound: Bound;
  /** How far two values may differ and still be the same: the rounding of a conversion, or none. */
  rounding: number;
  /** The values the statement allows, in base units (see `allowance`). */
  low: number;
  high: number;
}

/**
 * Rounding in a unit conversion: `300 kilometers` is 186.4 miles, written `190 miles`
 * (1.9% off). Counts, money and percentages are compared exactly.
 */
const CONVERSION_ROUNDING = 0.03;
/** `about`, `nearly`, `some`: within 10%, as spec comparisons allow. */
const APPROXIMATION = 0.1;

const APPROXIMATE = /^(?:about|around|roughly|approximately|nearly|almost|some|close to|an? estimated|between)$/;
const LOWER = /(?:more|greater|higher|longer|larger|bigger|faster) than$|^(?:just |well )?over$|^(?:at least|in excess of|upwards of|above|beyond|no (?:fewer|less) than|as (?:few|little) as)$/;
const UPPER = /(?:less|fewer|lower|slower) than$|^(?:just |well )?under$|^(?:up to|at most|below|no more than|not more than|as (?:many|much|far|high|long) as)$/;

/** The bound a figure's qualifier sets; `another`, `only`, `exactly` and no qualifier state the value. */
function boundOf(qualifier: string | undefined): Bound {
  if (!qualifier) return "exact";
  if (APPROXIMATE.test(qualifier)) return "approximate";
  if (LOWER.test(qualifier)) return "lower";
  if (UPPER.test(qualifier)) return "upper";
  return "exact";
}

/** A figure's amount, or undefined for one with no value to compare (`dozens of`, `two-thirds`). */
export function amountOf(figure: Figure): Amount | undefined {
  const value = figure.value;
  if (value === undefined || figure.kind === "fraction") return undefined;
  const bound = boundOf(figure.qualifier);
  if (figure.measure) {
    const unit = figure.measure.unit;
    const values = bases(value, unit);
    if (figure.conversion) values.push(...bases(figure.conversion.value, figure.conversion.unit));
    const [low, high] = allowance(value, bound, CONVERSION_ROUNDING);
    return { measure: unit.dimension, values, bound, rounding: CONVERSION_ROUNDING, low: Math.min(...bases(low, unit)), high: Math.max(...bases(high, unit)) };
  }
  const measure = figure.kind === "money" ? currencyCode(figure.currency ?? "") : figure.kind;
  const [low, high] = allowance(value, bound, 0);
  return { measure, values: [value], bound, rounding: 0, low, high };
}

/**
 * The values a statement allows, in its own unit. `about X` allows 10% either way. A bound
 * allows what copy rounds to it: `more than 4,000` is read as 4,000 up to just below the next
 * step of its last significant digit (5,000), since a writer with 5,000 would have said `more
 * than 5,000`; `up to 300` likewise reaches down to just above 200. `rounding` widens an exact
 * value and the bound's own end.
 */
function allowance(value: number, bound: Bound, rounding: number): [number, number] {
  // Short of the next step itself: `more than 4,000` does not allow 5,000.
  const step = significantStep(value) * 0.999;
  switch (bound) {
    case "approximate":
      return [value * (1 - APPROXIMATION), value * (1 + APPROXIMATION)];
    case "lower":
      return [value * (1 - rounding), value + step];
    case "upper":
      return [value - step, value * (1 + rounding)];
    default:
      return [value * (1 - rounding), value * (1 + rounding)];
  }
}

/** The place value of a number's last significant digit: 1,000 for 4,000; 100 for 4,500; 10 for 190. */
function significantStep(value: number): number {
  if (value <= 0) return 1;
  let step = 10 ** Math.floor(Math.log10(value));
  // Down to millionths: beyond that a stated value is noise, not precision.
  while (step > 1e-6 && Math.abs(value / step - Math.round(value / step)) > 1e-9) step /= 10;
  return step;
}

/**
 * The draft's amount states what the source's does: a value the same within rounding (either
 * of them may be the parenthetical conversion), and a qualifier that says no more than the
 * source's (see `boundsAgree`).
 */
export function statesSame(draft: Amount, source: Amount): boolean {
  // Floating point aside, counts and money must be equal.
  const tolerance = Math.max(draft.rounding, source.rounding, 1e-9);
  const equal = draft.values.some((x) => source.values.some((y) => Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y))));
  return equal && boundsAgree(draft.bound, source.bound, draft.rounding > 0);
}

/**
 * Qualifiers that state the same: the same bound; an exact value and an approximate one (a
 * rounded figure is still the figure); an approximate value and a maximum (`nearly 190 miles`
 * and `as far as 300 km` give one range). For measurements an exact value is a maximum too,
 * as spec comparisons read it (`a range of 300 km`). Dropping a lower bound is not stating the
 * same: `4,000 troops` where the source says `more than 4,000` claims a precision it lacks.
 */
function boundsAgree(draft: Bound, source: Bound, measurement: boolean): boolean {
  if (draft === source) return true;
  const pair = new Set([draft, source]);
  if (pair.has("lower")) return false;
  return pair.has("approximate") || measurement;
}

/** Two amounts leave no value both could mean: the draft and the source disagree. */
export function disjoint(a: Amount, b: Amount): boolean {
  return a.high < b.low || b.high < a.low;
}

/**
 * The value in base units, once for each reading of its unit: a ton may be metric, short or
 * long, a gallon US or imperial. A draft matches a source on any reading, and disagrees with
 * it only when no reading of either leaves a value in common.
 */
function bases(value: number, unit: Unit): number[] {
  return unit.factors.map((factor) => value * factor);
}
