/**
 * Compares a spec statement with the reference facts for the same system and attribute,
 * after unit conversion. Qualifiers matter: `up to`, `as far as` and `nearly` state the
 * maximum and are compared as equal; `more than X` agrees with any reference value at or
 * above X, `less than X` with any at or below it.
 */
import type { ReferenceFact, WeaponSystem, SpecAttribute } from "../reference/types";
import type { Figure } from "./figures";
import { deviationFrom, toBase, unitOf, type Unit } from "./units";

/** How far a stated value may differ from the reference before it conflicts (spec section 5). */
export const SPEC_TOLERANCE = 0.1;

export type Verdict =
  | { status: "no-reference" }
  | { status: "agrees"; fact: ReferenceFact }
  | { status: "conflicts"; fact: ReferenceFact };

const LOWER_BOUNDS = new Set(["more than", "at least", "over", "above", "in excess of", "upwards of", "faster than", "greater than", "higher than", "longer than", "beyond", "well over", "just over"]);
const UPPER_BOUNDS = new Set(["less than", "fewer than", "under", "below", "no more than", "at most", "just under", "well under", "not more than"]);

const CURRENCY_UNITS: Record<string, string> = { $: "USD", us$: "USD", dollars: "USD", "€": "EUR", euros: "EUR", "£": "GBP", pounds: "GBP", sterling: "GBP" };

export function compareWithReference(system: WeaponSystem, attribute: SpecAttribute, figure: Figure): Verdict {
  const facts = system.facts.filter((f) => f.attribute === attribute);
  const stated = statedQuantity(figure);
  if (facts.length === 0 || !stated) return { status: "no-reference" };
  let closest: { fact: ReferenceFact; deviation: number } | undefined;
  for (const fact of facts) {
    const reference = factValue(fact, stated);
    if (reference === undefined) continue;
    const deviation = Math.min(...stated.values.map((v) => boundedDeviation(v, reference, figure.qualifier)));
    if (deviation <= SPEC_TOLERANCE) return { status: "agrees", fact };
    if (!closest || deviation < closest.deviation) closest = { fact, deviation };
  }
  if (!closest) return { status: "no-reference" };
  // Cite the fact in the writer's own unit where there is one: `300 km` answers `500 km`.
  const sameUnit = stated.unit && facts.find((f) => unitOf(f.unit) === stated.unit);
  return { status: "conflicts", fact: sameUnit || closest.fact };
}

function boundedDeviation(stated: number, reference: number, qualifier: string | undefined): number {
  if (qualifier && LOWER_BOUNDS.has(qualifier) && stated <= reference) return 0;
  if (qualifier && UPPER_BOUNDS.has(qualifier) && stated >= reference) return 0;
  return deviationFrom(stated, reference);
}

/** A stated value ready to compare: base-unit readings of a measurement, or a plain unit. */
interface Stated {
  values: number[];
  /** Measurements convert within their dimension. */
  unit?: Unit;
  /** Money and counts compare only with facts in the same unit ("USD", "persons"). */
  plainUnit?: string;
}

/** `USD` for `$` and `dollars`: one code per currency, however the amount was written. */
export function currencyCode(currency: string): string {
  return CURRENCY_UNITS[currency.toLowerCase()] ?? currency.toUpperCase();
}

function statedQuantity(figure: Figure): Stated | undefined {
  if (figure.value === undefined) return undefined;
  if (figure.measure) return { values: toBase(figure.value, figure.measure.unit), unit: figure.measure.unit };
  if (figure.kind === "money" && figure.currency) {
    return { values: [figure.value], plainUnit: currencyCode(figure.currency) };
  }
  if (figure.kind === "count") return { values: [figure.value], plainUnit: "persons" };
  return undefined;
}

/** A fact's value in the stated quantity's terms; undefined when the two cannot compare. */
function factValue(fact: ReferenceFact, stated: Stated): number | undefined {
  if (stated.unit) {
    const unit = unitOf(fact.unit);
    return unit && unit.dimension === stated.unit.dimension ? unit.factors[0] * fact.value : undefined;
  }
  return fact.unit.toUpperCase() === stated.plainUnit?.toUpperCase() ? fact.value : undefined;
}
