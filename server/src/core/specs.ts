/**
 * Spec statements (spec section 4): a figure that gives a capability of a named weapon
 * system. The figure's unit says what could be meant (a distance is a range, an altitude,
 * a calibre…); the words around it decide, and tell capabilities apart from where a strike
 * landed and from restrictions imposed on use, which are policy facts.
 */
import type { SpecAttribute, WeaponSystem } from "../reference/types";
import type { Figure } from "./figures";
import type { Sentence } from "./sentences";

/**
 * A restriction on use (`limited to`, `only within`) with no full stop or semicolon between
 * it and the figure, where the text ends. The lookbehind and lookahead start the search only
 * after the last full stop or semicolon: searched for anywhere, each restriction word before
 * one would read on to it.
 */
const RESTRICTION_BEFORE =
  /(?<![^.;])(?=[^.;]*$)[^.;]*?(?:restrict|limit|(?:only\s+(?:within|at|up\s+to|as\s+far\s+as|to)|no\s+further\s+than|not\s+beyond|capped|allowed\s+to|permitted\s+to|authori[sz]ed\s+to)(?![\p{L}]))/iu;
const WITHIN_BEFORE = /within\s+$/iu;
const BORDER_AFTER = /^\s+(?:of|from)\s+(?:the\s+)?(?:border|frontier|front)/iu;
const CAPABILITY =
  /(?<![\p{L}])(?:range|ranges|reach|reaches|can|could|cannot|able|capable|fly|flies|travel|travels|strikes?\s+targets|hit\s+targets|maximum|max|top\s+speed|engage|engages|cruise|cruises)(?![\p{L}])/iu;
const RANGE_QUALIFIERS = new Set(["up to", "as far as", "more than"]);
const ALTITUDE = /(?<![\p{L}])(?:altitudes?|ceiling|climbs?|height|heights|service\s+ceiling)(?![\p{L}])/iu;
const CALIBRE = /(?<![\p{L}])(?:gun|guns|cannon|calibre|caliber|barrel|howitzer|main\s+armament)(?![\p{L}])/iu;
const ACCURACY = /(?<![\p{L}])(?:accura\w*|CEP|precision|circular\s+error)(?![\p{L}])/iu;
const PAYLOAD = /(?<![\p{L}])(?:warheads?|payloads?|explosives?|munitions?|bomblets?|submunitions?)(?![\p{L}])/iu;
const UNIT_COST = /(?<![\p{L}])(?:costs?|costing|price|priced|apiece|unit\s+cost|a\s+single|each|per\s+(?:unit|missile|round|launcher|jet|tank|battery|interceptor))(?![\p{L}])/iu;
const CREW_BEFORE = /(?<![\p{L}])crews?\s+of\s+$/iu;
const CREW_AFTER = /^(?:-(?:man|person|member|strong)\s+crew|\s+crew(?:\s+members)?(?![\p{L}]))/iu;

/**
 * What a figure specifies about the system its sentence names, or undefined when it is not
 * a spec (a count, a strike's distance, a restriction on use). Offsets are within `text`,
 * the block's prose; `compoundWithName` marks `the 300-kilometer ATACMS`.
 */
export function specAttribute(text: string, within: Sentence, figure: Figure, compoundWithName: boolean): SpecAttribute | undefined {
  const sentence = text.slice(within.start, within.end);
  const before = text.slice(Math.max(within.start, figure.start - 60), figure.start);
  const after = text.slice(figure.end, Math.min(within.end, figure.end + 40));
  if (figure.kind === "count") {
    return CREW_BEFORE.test(before) || CREW_AFTER.test(after) ? "crew" : undefined;
  }
  if (figure.kind === "money") return UNIT_COST.test(sentence) ? "unit-cost" : undefined;
  const unit = figure.measure?.unit;
  if (figure.kind !== "measure" || !unit) return undefined;
  if (unit.dimension === "speed") return "speed";
  if (unit.dimension === "mass") return PAYLOAD.test(sentence) ? "payload" : "weight";
  if (unit.dimension !== "length") return undefined;
  if (RESTRICTION_BEFORE.test(before) || (WITHIN_BEFORE.test(before) && BORDER_AFTER.test(after))) return undefined;
  const symbol = unit.symbol;
  if ((symbol === "mm" || symbol === "in" || symbol === "cm") && (CALIBRE.test(sentence) || symbol === "mm")) return "calibre";
  if (ACCURACY.test(sentence)) return "accuracy";
  if (ALTITUDE.test(sentence) || symbol === "ft") return "altitude";
  // `the 300-kilometer ATACMS`: a range stated as the name's adjective.
  if (compoundWithName) return "range";
  if (CAPABILITY.test(sentence) || (figure.qualifier && RANGE_QUALIFIERS.has(figure.qualifier))) return "range";
  return undefined;
}

/** Between a figure and a system named after it, words that make the system a comparison. */
const COMPARISON = /(?<![\p{L}])(?:than|unlike|compared|like|versus|vs|whereas)(?![\p{L}])/iu;

/**
 * Picks the system a figure speaks of: the nearest one named before it in the sentence;
 * else one named just after it (`reaches 300 km, the ATACMS…`), but not one it is compared
 * with (`a range of 500 km, far greater than the ATACMS`).
 */
export function nearestSystem<T extends { start: number; end: number; system: WeaponSystem }>(mentions: T[], text: string, figure: Figure): T | undefined {
  let before: T | undefined;
  for (const m of mentions) {
    if (m.end <= figure.start) before = m;
    else if (before) return before;
    else {
      const between = text.slice(figure.end, m.start);
      return between.length <= 30 && !COMPARISON.test(between) ? m : undefined;
    }
  }
  return before;
}
