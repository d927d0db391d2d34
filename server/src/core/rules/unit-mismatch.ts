/**
 * `unit-mismatch`: a value and its directly following parenthetical conversion disagree by
 * more than 5%. Money is left alone: a currency conversion depends on the day's rate.
 */
import { relativeDifference, toBase } from "../units";
import { correctConversion } from "./fixes";
import type { Rule } from "./rule";
import { formatNumber } from "./wording";

export const CONVERSION_TOLERANCE = 0.05;

export const unitMismatch: Rule = (claim, context) => {
  const { measure, conversion } = claim.figure;
  if (!measure || !conversion) return undefined;
  const stated = toBase(measure.value, measure.unit);
  const converted = toBase(conversion.value, conversion.unit);
  // Ambiguous units (`tons`) have several readings: the conversion is right if any fits.
  const fits = stated.some((a) => converted.some((b) => relativeDifference(a, b) <= CONVERSION_TOLERANCE));
  if (fits) return undefined;
  const fix = correctConversion(claim, measure, conversion);
  return {
    rule: "unit-mismatch",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)}: ${formatNumber(measure.value)} ${measure.unit.symbol} is not ${formatNumber(conversion.value)} ${conversion.unit.symbol}.${fix ? ` ${fix.title.replace(/^Correct the conversion \((.*)\)$/, "It is about $1.")}` : ""}`,
    fixes: fix ? [fix] : [],
  };
};
