/**
 * What makes two figures candidates for the same fact, read the same way from a draft's claim
 * and a source's: the key they are filed under (what is counted or measured), and how much.
 */
import type { SpecAttribute } from "../../reference/types";
import type { Claim } from "../analysis";
import { amountOf, type Amount } from "./amount";
import { countedThing } from "./words";

export interface ClaimKey {
  /**
   * The index key: `count|troop`, `percent|tank`, `money|USD`, `measure|length`, `fraction|two
   * thirds`. Figures under different keys never match.
   */
  key: string;
  /** The quantity; undefined for a figure with none (`dozens of tanks`, `two-thirds`). */
  amount?: Amount;
  /** For a figure with no quantity: the words that state it (`dozens`), which must then be the same. */
  wording?: string;
  /** The thing a count or percentage counts. */
  thing?: string;
  /** For a spec statement: the system and attribute it states. */
  spec?: { system: string; attribute: SpecAttribute };
}

export function keyOf(claim: Claim): ClaimKey {
  const { figure, block } = claim;
  const text = block.text;
  const amount = amountOf(figure);
  const spec = claim.spec && { system: claim.spec.system.id, attribute: claim.spec.attribute };
  if (figure.kind === "fraction") {
    const wording = text.slice(figure.start, figure.end).toLowerCase().replace(/[\s-]+/g, " ").trim();
    return { key: `fraction|${wording}`, wording, spec };
  }
  // Counts and percentages are filed by what they count; money by currency, measurements by dimension.
  const thing = countedThing(text, figure);
  const what = figure.kind === "count" || figure.kind === "percent" ? (thing ?? "") : (amount?.measure ?? "");
  const wording = amount ? undefined : /^[\p{L}]+/u.exec(text.slice(figure.start))?.[0].toLowerCase();
  return { key: `${figure.kind}|${what}`, amount, wording, thing, spec };
}
