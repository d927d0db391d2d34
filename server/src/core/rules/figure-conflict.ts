/**
 * `figure-conflict` (with the writer's own sources): the draft gives the same counted or
 * measured thing, for the same event, a value a source leaves no room for (`5,000 troops`
 * where the source says `more than 4,000 troops`). Attributed or not: a source may be misquoted.
 */
import type { Rule } from "./rule";
import { describeSourceFigure } from "./wording";

/** The most source figures a message names; wire copies of one story would make it a page. */
const FIGURES_NAMED = 3;

export const figureConflict: Rule = (claim, context) => {
  // A spec that disagrees with the reference is already a spec-conflict, named with its article.
  if (claim.spec?.verdict.status === "conflicts") return undefined;
  const trace = context.trace(claim);
  if (trace?.status !== "conflict") return undefined;
  return {
    rule: "figure-conflict",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)} disagrees with your source: ${trace.figures.slice(0, FIGURES_NAMED).map(describeSourceFigure).join("; ")}${trace.figures.length > FIGURES_NAMED ? `; and ${trace.figures.length - FIGURES_NAMED} more` : ""}.`,
    traces: trace.figures,
    fixes: [],
  };
};
