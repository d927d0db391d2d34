/** `unattributed-figure`: a figure whose sentence names no source (and that is no spec). */
import { addAttribution } from "./fixes";
import type { Rule } from "./rule";

export const unattributedFigure: Rule = (claim, context) => {
  if (claim.attribution || claim.spec) return undefined;
  return {
    rule: "unattributed-figure",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)}: no source in this sentence. Say who gives the figure (“according to …”) or link it.`,
    fixes: [addAttribution(claim)],
  };
};
