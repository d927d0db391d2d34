/** `spec-conflict`: a spec whose value differs from the reference by more than 10%, attributed or not. */
import { useReferenceValue } from "./fixes";
import { citeFact, type Rule } from "./rule";
import { attributeName, describeFact, describeSource } from "./wording";

export const specConflict: Rule = (claim, context) => {
  const spec = claim.spec;
  if (!spec || spec.verdict.status !== "conflicts") return undefined;
  const fact = spec.verdict.fact;
  const source = context.sourceOf(fact.source);
  const fix = useReferenceValue(claim, fact);
  return {
    rule: "spec-conflict",
    offset: claim.offset,
    length: claim.length,
    message: `${spec.system.name} ${attributeName(spec.attribute)} ${context.quote(claim)} disagrees with the reference: ${describeFact(fact)}${source ? ` (${describeSource(source)})` : ""}.`,
    related: citeFact(context, claim, fact),
    fixes: fix ? [fix] : [],
  };
};
