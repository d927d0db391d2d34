/**
 * How findings speak: numbers with thousands separators, facts with their qualifier and
 * conversion, sources by outlet (or headline) and date.
 */
import type { ReferenceFact, SourceArticle } from "../../reference/types";
import type { SourceFigure } from "../sources/source-index";
import { convert, unitOf } from "../units";

/** `4,000`, `2.5`, `186`: at most `decimals` decimals (0 for values of 100 and more). */
export function formatNumber(value: number, decimals?: number): string {
  const places = decimals ?? (Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1);
  // Intl's number formatting is slow on the keystroke path; this is all a fix needs.
  const [whole, fraction] = value.toFixed(places).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // From the first trailing zero only: tried from every zero, a search reads to the end each time.
  const trimmed = fraction?.replace(/(?<!0)0+$/, "");
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** The other common unit of a stated one, for the conversion in brackets. */
const COUNTERPART: Record<string, string> = { km: "mi", mi: "km", kg: "lb", lb: "kg", "km/h": "mph", mph: "km/h", m: "ft", ft: "m" };

/**
 * `up to 300 km (186 mi)`: a fact (or an event's figure) as the reference states it, with its
 * qualifier and its other common unit.
 */
export function describeFact(fact: Pick<ReferenceFact, "value" | "unit"> & { qualifier?: ReferenceFact["qualifier"] }): string {
  const qualifier = !fact.qualifier || fact.qualifier === "exact" ? "" : `${fact.qualifier} `;
  const unit = unitOf(fact.unit);
  const other = unit && COUNTERPART[unit.symbol] ? unitOf(COUNTERPART[unit.symbol]!) : undefined;
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

/** `“more than 4,000 troops” (sources/report.txt:23, according to the Russian Defense Ministry)`: a source figure and where it is. */
export function describeSourceFigure(figure: SourceFigure): string {
  return `“${figure.text}” (${figure.file}:${figure.line}${figure.attribution ? `, according to ${figure.attribution}` : ""})`;
}
