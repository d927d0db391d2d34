/**
 * How findings speak: numbers with thousands separators, facts with their qualifier and
 * conversion, sources by outlet (or headline) and date.
 */
import type { ReferenceFact, SourceArticle } from "../../reference/types";
import { convert, KM, MI, unitOf } from "../units";

/** `4,000`, `2.5`, `186`: at most `decimals` decimals (0 for values of 100 and more). */
export function formatNumber(value: number, decimals?: number): string {
  const places = decimals ?? (Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1);
  // Intl's number formatting is slow on the keystroke path; this is all a fix needs.
  const [whole, fraction] = value.toFixed(places).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction?.replace(/0+$/, "");
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** `up to 300 km (186 mi)`: a fact as the reference states it, with its other common unit. */
export function describeFact(fact: ReferenceFact): string {
  const qualifier = fact.qualifier === "exact" ? "" : `${fact.qualifier} `;
  const unit = unitOf(fact.unit);
  const other = unit === KM ? MI : unit === MI ? KM : undefined;
  const converted = unit && other ? ` (${formatNumber(convert(fact.value, unit, other))} ${other.symbol})` : "";
  return `${qualifier}${formatNumber(fact.value)} ${fact.unit}${converted}`;
}

/** The name to cite a source by: its outlet, else its headline. */
export function sourceName(source: SourceArticle): string {
  return source.outlet ?? `“${source.headline}”`;
}

/** `RT, 2023-06`: where and when a fact was published. */
export function describeSource(source: SourceArticle): string {
  return `${sourceName(source)}, ${source.date}`;
}

/** `range`, `unit cost`: attribute names as prose. */
export function attributeName(attribute: string): string {
  return attribute.replace(/-/g, " ");
}
