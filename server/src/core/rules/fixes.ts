/**
 * The fixes findings offer, as plain edits on the source text. They are computed with the
 * finding, so an editor applies them without analysing the draft again.
 */
import type { ReferenceFact } from "../../reference/types";
import type { Claim } from "../analysis";
import type { Fix } from "../finding";
import type { Quantity } from "../figures";
import type { SourceFigure } from "../sources/source-index";
import { convert, unitOf } from "../units";
import { formatNumber } from "./wording";

const ATTRIBUTION_LEAD = ", according to ";
const PLACEHOLDER = "…";
/** What every `Add attribution…` inserts and where its placeholder sits: one of each for all of them. */
const ATTRIBUTION_TO_FILL = ATTRIBUTION_LEAD + PLACEHOLDER;
const PLACEHOLDER_PLACE = Object.freeze({ offset: ATTRIBUTION_LEAD.length, length: PLACEHOLDER.length });

/** `Add attribution…`: `, according to …` before the sentence's closing punctuation and quotes. */
export function addAttribution(claim: Claim): Fix {
  return {
    kind: "add-attribution",
    title: "Add attribution…",
    edits: [{ offset: attributionPoint(claim), length: 0, newText: ATTRIBUTION_TO_FILL }],
    placeholder: PLACEHOLDER_PLACE,
  };
}

/** `Attribute to RT`: the attribution filled in with the reference's source. */
export function attributeTo(claim: Claim, name: string): Fix {
  return {
    kind: "attribute-to-source",
    title: `Attribute to ${name}`,
    edits: [{ offset: attributionPoint(claim), length: 0, newText: ATTRIBUTION_LEAD + name }],
    preferred: true,
  };
}

/**
 * `Attribute as the source does`: the attribution a traced source gives the figure, and the
 * outlet that published it where the document names one (`, according to the Russian Defense
 * Ministry, as reported by RT`). Undefined when no traced figure's document names either.
 */
export function attributeAsSource(claim: Claim, traced: readonly SourceFigure[]): Fix | undefined {
  const source = traced.find((f) => f.attribution) ?? traced.find((f) => f.outlet);
  if (!source) return undefined;
  const { attribution, outlet } = source;
  const relayed = attribution && outlet && attribution.toLowerCase() !== outlet.toLowerCase() ? `, as reported by ${outlet}` : "";
  const words = `according to ${attribution ?? outlet}${relayed}`;
  return {
    kind: "attribute-to-source",
    title: `Attribute as the source does: ${words}`,
    edits: [{ offset: attributionPoint(claim), length: 0, newText: `, ${words}` }],
    preferred: true,
  };
}

/** `Use the reference value (300 km)`: replaces the stated number, keeping the writer's unit. */
export function useReferenceValue(claim: Claim, fact: ReferenceFact): Fix | undefined {
  const measure = claim.figure.measure;
  const factUnit = unitOf(fact.unit);
  if (!measure || !factUnit) return undefined;
  const value = convert(fact.value, factUnit, measure.unit);
  const edits = [replaceNumber(claim, measure, value)].filter((e) => e !== undefined);
  const conversion = claim.figure.conversion;
  if (conversion) {
    const converted = replaceNumber(claim, conversion, convert(fact.value, factUnit, conversion.unit));
    if (converted) edits.push(converted);
  }
  if (edits.length === 0) return undefined;
  return {
    kind: "use-reference-value",
    title: `Use the reference value (${formatNumber(fact.value)} ${fact.unit})`,
    edits,
    preferred: true,
  };
}

/** `Correct the conversion`: the parenthetical value recomputed from the stated one. */
export function correctConversion(claim: Claim, stated: Quantity, conversion: Quantity): Fix | undefined {
  const edit = replaceNumber(claim, conversion, convert(stated.value, stated.unit, conversion.unit), precisionOf(claim, conversion));
  if (!edit) return undefined;
  return { kind: "correct-conversion", title: `Correct the conversion (${edit.newText} ${conversion.unit.symbol})`, edits: [edit], preferred: true };
}

/** The digits of a quantity, replaced by `value` formatted alike. */
function replaceNumber(claim: Claim, quantity: Quantity, value: number, decimals?: number) {
  const text = claim.block.text;
  const m = /\d[\d,]*(?:\.\d+)?/.exec(text.slice(quantity.start, quantity.end));
  if (!m) return undefined;
  const from = quantity.start + m.index;
  const offset = claim.block.map.toSource(from);
  const length = claim.block.map.toSourceEnd(from + m[0].length) - offset;
  return { offset, length, newText: formatNumber(value, decimals) };
}

/** Decimals to keep: as many as the writer used, and one for small values. */
function precisionOf(claim: Claim, quantity: Quantity): number {
  const digits = /\d[\d,]*(?:\.(\d+))?/.exec(claim.block.text.slice(quantity.start, quantity.end));
  return digits?.[1]?.length ?? 0;
}

/**
 * Where an attribution goes: before the sentence's final punctuation and any closing quotes
 * around it, so `…sky.”` becomes `…sky, according to X.”`. A closing bracket stays before
 * it (`(a third of its fleet), according to X.`) unless the whole sentence is bracketed.
 */
function attributionPoint(claim: Claim): number {
  const text = claim.block.text;
  const { start } = claim.sentence;
  let end = claim.sentence.end;
  const closers = /^[(\[]/.test(text.slice(start, end)) ? /[”"’')\]]/ : /[”"’']/;
  while (end > start && closers.test(text[end - 1])) end--;
  while (end > start && /[.!?…:;]/.test(text[end - 1])) end--;
  while (end > start && closers.test(text[end - 1])) end--;
  return end === claim.sentence.end ? claim.block.map.toSourceEnd(end) : claim.block.map.toSource(end);
}
