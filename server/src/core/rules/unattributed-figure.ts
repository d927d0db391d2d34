/**
 * `unattributed-figure`: a figure whose sentence names no source (and that is no spec). Traced
 * to one of the writer's sources, it says which, and offers to attribute it as that source does.
 */
import { addAttribution, attributeAsSource } from "./fixes";
import type { Rule } from "./rule";
import { describeSourceFigure } from "./wording";

export const unattributedFigure: Rule = (claim, context) => {
  if (claim.attribution || claim.spec) return undefined;
  const trace = context.trace(claim);
  const traced = trace?.status === "traced" ? trace.figures : undefined;
  const fromSource = traced && attributeAsSource(claim, traced);
  return {
    rule: "unattributed-figure",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)}: no source in this sentence. Say who gives the figure (“according to …”) or link it.${traced ? ` Your source has it: ${describeSourceFigure(traced[0])}.` : ""}`,
    ...(traced && { traces: traced }),
    fixes: fromSource ? [fromSource, addAttribution(claim)] : [addAttribution(claim)],
  };
};
