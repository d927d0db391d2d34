/**
 * Units of measurement: what each spelling measures and how it converts. Conversions go
 * to one base unit per dimension (km, km/h, kg, km²), so a statement and its parenthetical
 * conversion, or a statement and a reference fact, compare after conversion.
 */

export type Dimension = "length" | "speed" | "mass" | "area" | "volume" | "power";

export interface Unit {
  /** Canonical symbol shown in messages and fixes: "km", "mi", "kg", "Mach"… */
  symbol: string;
  dimension: Dimension;
  /** Base units per one of this unit; several where a name is ambiguous (`ton`). */
  factors: number[];
}

const unit = (symbol: string, dimension: Dimension, ...factors: number[]): Unit => ({ symbol, dimension, factors });

const KM = unit("km", "length", 1);
const M = unit("m", "length", 0.001);
const CM = unit("cm", "length", 0.00001);
const MM = unit("mm", "length", 0.000001);
const MI = unit("mi", "length", 1.609344);
const NMI = unit("nmi", "length", 1.852);
const FT = unit("ft", "length", 0.0003048);
const IN = unit("in", "length", 0.0000254);
const KMH = unit("km/h", "speed", 1);
const MPH = unit("mph", "speed", 1.609344);
const KNOT = unit("knots", "speed", 1.852);
const MS = unit("m/s", "speed", 3.6);
/** Mach 1 at sea level (1,225 km/h); at altitude it is lower, hence the spec's tolerance. */
export const MACH = unit("Mach", "speed", 1225);
const KG = unit("kg", "mass", 1);
const G = unit("g", "mass", 0.001);
const LB = unit("lb", "mass", 0.45359237);
const TONNE = unit("t", "mass", 1000);
/** Metric, short (US) and long (UK) tons: a conversion that fits any of them is right. */
const TON = unit("tons", "mass", 1000, 907.18474, 1016.0469);
const KM2 = unit("km²", "area", 1);
const MI2 = unit("sq mi", "area", 2.589988);
const HECTARE = unit("ha", "area", 0.01);
const ACRE = unit("acres", "area", 0.00404686);
const LITRE = unit("l", "volume", 1);
const BARREL = unit("barrels", "volume", 158.987);
const GALLON = unit("gallons", "volume", 3.785411784, 4.54609);
const KW = unit("kW", "power", 1);
const MW = unit("MW", "power", 1e3);
const GW = unit("GW", "power", 1e6);

/** Every spelling, lower-cased, as it may follow a number (`300 km`, `300-kilometre`, `155mm`). */
const SPELLINGS: Record<string, Unit> = {
  km: KM, kms: KM, kilometer: KM, kilometers: KM, kilometre: KM, kilometres: KM,
  m: M, meter: M, meters: M, metre: M, metres: M,
  cm: CM, centimeter: CM, centimeters: CM, centimetre: CM, centimetres: CM,
  mm: MM, millimeter: MM, millimeters: MM, millimetre: MM, millimetres: MM,
  mi: MI, mile: MI, miles: MI,
  nmi: NMI, "nautical mile": NMI, "nautical miles": NMI,
  ft: FT, foot: FT, feet: FT,
  in: IN, inch: IN, inches: IN,
  "km/h": KMH, kph: KMH, kmh: KMH, "kilometers per hour": KMH, "kilometres per hour": KMH,
  mph: MPH, "miles per hour": MPH,
  knot: KNOT, knots: KNOT, kt: KNOT, kts: KNOT,
  "m/s": MS, "meters per second": MS, "metres per second": MS,
  kg: KG, kgs: KG, kilogram: KG, kilograms: KG, kilogramme: KG, kilogrammes: KG, kilo: KG, kilos: KG,
  g: G, gram: G, grams: G,
  lb: LB, lbs: LB, pound: LB, pounds: LB,
  t: TONNE, tonne: TONNE, tonnes: TONNE, "metric ton": TONNE, "metric tons": TONNE,
  ton: TON, tons: TON,
  "sq km": KM2, "square kilometers": KM2, "square kilometres": KM2, "square kilometer": KM2, "square kilometre": KM2, "km2": KM2, "km²": KM2,
  "sq mi": MI2, "square miles": MI2, "square mile": MI2,
  ha: HECTARE, hectare: HECTARE, hectares: HECTARE,
  acre: ACRE, acres: ACRE,
  l: LITRE, litre: LITRE, litres: LITRE, liter: LITRE, liters: LITRE,
  barrel: BARREL, barrels: BARREL,
  gallon: GALLON, gallons: GALLON,
  mach: MACH,
  kw: KW, kilowatt: KW, kilowatts: KW,
  mw: MW, megawatt: MW, megawatts: MW,
  gw: GW, gigawatt: GW, gigawatts: GW,
};

/** Spellings that are also words or letters (`in`, `m`, `t`): a unit only when glued to the number (`300m`). */
const SHORT_AMBIGUOUS = new Set(["in", "m", "t", "g", "l"]);

/** The regex alternation of every spelling, longest first, for matching after a number. */
export const UNIT_PATTERN = Object.keys(SPELLINGS)
  .filter((s) => !SHORT_AMBIGUOUS.has(s))
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[/.]/g, "\\$&").replace(/ /g, "\\s+"))
  .join("|");

/** The ambiguous short spellings, matched only glued to the number (`2,000m`, `40t`). */
export const SHORT_UNIT_PATTERN = [...SHORT_AMBIGUOUS].join("|");

/** The unit a spelling names, if any. */
export function unitOf(spelling: string): Unit | undefined {
  return SPELLINGS[spelling.toLowerCase().replace(/\s+/g, " ")];
}

/** A value in base units, for each reading of the unit. */
export function toBase(value: number, u: Unit): number[] {
  return u.factors.map((f) => value * f);
}

/** The value in `to` units of `value` in `from` units (first reading of each). */
export function convert(value: number, from: Unit, to: Unit): number {
  return (value * from.factors[0]) / to.factors[0];
}

/** Relative difference of two positive magnitudes, against the larger. */
export function relativeDifference(a: number, b: number): number {
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return larger === 0 ? 0 : Math.abs(a - b) / larger;
}

/** Relative difference against the reference value (the spec's "differs by more than 10%"). */
export function deviationFrom(stated: number, reference: number): number {
  return reference === 0 ? (stated === 0 ? 0 : Infinity) : Math.abs(stated - reference) / Math.abs(reference);
}

/** Time units: a number followed by one is a duration or age, not a figure to source. */
export const TIME_UNITS = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|nights?|mins?|hrs?";

export { KM, MI };
