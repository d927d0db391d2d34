/**
 * Traces a draft's claim to the writer's sources: a source figure states the same (traced),
 * one about the same event states another value (conflict), or none does (untraced). The
 * candidates are the source figures filed under the claim's key, found by one lookup.
 */
import type { Claim } from "../analysis";
import { disjoint, statesSame } from "./amount";
import { keyOf, type ClaimKey } from "./claim-key";
import type { IndexedFigure, SourceFigure, SourceIndex } from "./source-index";
import { contentWords } from "./words";

export type Trace =
  /** Source figures that state the same quantity of the same thing. */
  | { status: "traced"; figures: SourceFigure[] }
  /** None states the same; these, about the same event, leave no value in common with the claim. */
  | { status: "conflict"; figures: SourceFigure[] }
  /** No source states it; `near` are figures of the same thing about the same event that do not disagree either. */
  | { status: "untraced"; near: SourceFigure[] };

/**
 * The same event: sentences sharing at least this many content words, and at least this share
 * of the shorter one's. A conflict is claimed only on a clear match: `troops` alone, or
 * `Ukraine` and `troops`, are in half the sentences of a war.
 */
const SHARED_WORDS = 3;
/** Amounts filed by what they count, so that two of one key are of the same thing. */
const COUNTED = new Set(["count", "percent"]);
const SHARED_SHARE = 0.4;

export function traceClaim(claim: Claim, index: SourceIndex): Trace {
  const mine = keyOf(claim);
  const candidates = index.byKey.get(mine.key);
  if (!candidates) return { status: "untraced", near: [] };
  const traced: SourceFigure[] = [];
  const conflicts: SourceFigure[] = [];
  const near: SourceFigure[] = [];
  let context: Set<string> | undefined;
  for (const candidate of candidates) {
    if (!specsCompatible(mine, candidate)) continue;
    if (statesWhatSourceDoes(mine, candidate)) {
      traced.push(candidate.figure);
      continue;
    }
    if (traced.length > 0) continue; // a traced claim needs no other reading
    context ??= contentWords(claim.block.text.slice(claim.sentence.start, claim.sentence.end), claim.figure.start - claim.sentence.start, claim.figure.end - claim.sentence.start);
    if (!sameEvent(context, candidate.context)) continue;
    if (disagrees(mine, candidate)) conflicts.push(candidate.figure);
    else near.push(candidate.figure);
  }
  if (traced.length > 0) return { status: "traced", figures: traced };
  if (conflicts.length > 0) return { status: "conflict", figures: conflicts };
  return { status: "untraced", near };
}

function statesWhatSourceDoes(mine: ClaimKey, source: IndexedFigure): boolean {
  if (mine.amount && source.amount) return statesSame(mine.amount, source.amount);
  return !mine.amount && !source.amount && mine.wording === source.wording;
}

/**
 * A conflict needs two values with nothing in common, of a named thing (a count with no noun
 * could count anything), and the same spec or none on both sides.
 */
function disagrees(mine: ClaimKey, source: IndexedFigure): boolean {
  if (!mine.amount || !source.amount || mine.key.endsWith("|")) return false;
  const spec = source.figure.spec;
  if (mine.spec?.system !== spec?.system || mine.spec?.attribute !== spec?.attribute) return false;
  // Distances and sums are filed by dimension and currency alone: a city 30 km from the border
  // and a strike from 40 km away share a story but not a fact. Only a spec of the same system
  // and attribute says what a measurement measures; money has no such tie, so it never conflicts.
  if (!COUNTED.has(mine.amount.measure) && !spec) return false;
  return disjoint(mine.amount, source.amount);
}

/** Specs of two different systems or attributes never match (a range is not a ceiling). */
function specsCompatible(mine: ClaimKey, source: IndexedFigure): boolean {
  const spec = source.figure.spec;
  return !mine.spec || !spec || (mine.spec.system === spec.system && mine.spec.attribute === spec.attribute);
}

function sameEvent(draft: ReadonlySet<string>, source: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const word of draft) if (source.has(word)) shared++;
  return shared >= SHARED_WORDS && shared >= SHARED_SHARE * Math.min(draft.size, source.size);
}
