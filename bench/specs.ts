/**
 * Weapon specifications as news copy states them, with a unit conversion in parentheses
 * more often than not. Values are the commonly published ones (ATACMS's as in the source
 * articles); now and then a draft gets one wrong, as drafts do, so the bench also
 * exercises the reference comparison and the conversion check.
 */
import { Random } from "./random";

interface Spec {
  subject: string;
  claim: string;
  value: number;
  unit: keyof typeof UNITS;
  tail?: string;
  maker: string;
}

/** Metric unit → its names in copy, the imperial unit and the factor to it. */
const UNITS = {
  km: { names: ["kilometers", "kilometres", "km"], imperial: "miles", factor: 0.621371 },
  "km/h": { names: ["km/h", "kilometres per hour"], imperial: "mph", factor: 0.621371 },
  tonnes: { names: ["tonnes", "metric tons"], imperial: "tons", factor: 1.10231 },
  kg: { names: ["kilograms", "kg"], imperial: "pounds", factor: 2.20462 },
} as const;

const SPECS: readonly Spec[] = [
  { subject: "ATACMS missiles", claim: "can strike targets as far as", value: 300, unit: "km", tail: " away", maker: "Lockheed Martin" },
  { subject: "The ATACMS", claim: "has a range of nearly", value: 300, unit: "km", maker: "Lockheed Martin" },
  { subject: "HIMARS rockets", claim: "can hit targets up to", value: 80, unit: "km", tail: " away", maker: "Lockheed Martin" },
  { subject: "Storm Shadow", claim: "has a range of more than", value: 250, unit: "km", maker: "MBDA" },
  { subject: "The Storm Shadow's warhead", claim: "weighs about", value: 450, unit: "kg", maker: "MBDA" },
  { subject: "The Patriot system", claim: "can intercept aircraft up to", value: 160, unit: "km", tail: " away", maker: "Raytheon" },
  { subject: "An F-16", claim: "has a top speed of about", value: 2120, unit: "km/h", maker: "Lockheed Martin" },
  { subject: "The F-16's combat radius", claim: "is about", value: 550, unit: "km", maker: "Lockheed Martin" },
  { subject: "An M1 Abrams tank", claim: "weighs about", value: 60, unit: "tonnes", maker: "General Dynamics" },
  { subject: "The Abrams", claim: "has a road speed of up to", value: 67, unit: "km/h", maker: "General Dynamics" },
  { subject: "The IRIS-T SLM", claim: "can intercept targets up to", value: 40, unit: "km", tail: " away", maker: "Diehl Defence" },
  { subject: "A Leopard 2 tank", claim: "weighs about", value: 62, unit: "tonnes", maker: "KNDS" },
];

/** Ranges for tables of systems, in kilometres. */
export const RANGES_KM: readonly (readonly [system: string, km: number])[] = [
  ["ATACMS", 300],
  ["HIMARS", 80],
  ["Storm Shadow", 250],
  ["Patriot", 160],
  ["IRIS-T SLM", 40],
];

/** Spec sources besides the maker. */
const SPEC_SOURCES = ["the Pentagon", "the US Army", "RT", "the UK Ministry of Defence", "Janes"] as const;

/** 4000 → "4,000", as wire copy writes numbers. */
export function grouped(n: number): string {
  return n < 1000 ? String(n) : String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** Rounds a conversion as copy does: to 5 above a hundred, to a whole number below. */
const roundish = (x: number) => (x >= 100 ? Math.round(x / 5) * 5 : Math.round(x));

/** A spec sentence without its closing full stop, and who could be cited for it. */
export function specClause(r: Random): { clause: string; source: string } {
  const spec = r.pick(SPECS);
  const unit = UNITS[spec.unit];
  // Rarely a value off the reference (a conflict) or a conversion that does not match.
  const value = r.chance(0.03) ? roundish(spec.value * 1.7) : spec.value;
  const converted = roundish(value * unit.factor * (r.chance(0.03) ? 1.3 : 1));
  const metric = `${grouped(value)} ${r.pick(unit.names)}`;
  const imperial = `${grouped(converted)} ${unit.imperial}`;
  const r3 = r.next();
  const amount = r3 < 0.55 ? `${metric} (${imperial})` : r3 < 0.7 ? `${imperial} (${metric})` : r3 < 0.9 ? metric : imperial;
  return { clause: `${spec.subject} ${spec.claim} ${amount}${spec.tail ?? ""}`, source: r.chance(0.4) ? spec.maker : r.pick(SPEC_SOURCES) };
}
