/**
 * `untraced-figure` (with the writer's own sources): an unattributed figure that none of them
 * gives. Information only: the figure may well be right, but the desk cannot point at it.
 */
import type { Rule } from "./rule";
import { describeSourceFigure } from "./wording";

export const untracedFigure: Rule = (claim, context) => {
  if (claim.attribution) return undefined;
  const trace = context.trace(claim);
  if (trace?.status !== "untraced") return undefined;
  const [nearest] = trace.near;
  return {
    rule: "untraced-figure",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)}: none of your sources gives this figure.${nearest ? ` The nearest: ${describeSourceFigure(nearest)}.` : ""}`,
    ...(nearest && { traces: trace.near }),
    fixes: [],
  };
};
