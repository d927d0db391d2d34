/**
 * `unattributed-spec`: a weapon specification with no source. The message says whether the
 * value agrees with the reference and, when it does, which source to cite. Traced to one of the
 * writer's own sources, it also offers to attribute it as that source does.
 */
import { addAttribution, attributeAsSource, attributeTo } from "./fixes";
import { citeFact, type Rule } from "./rule";
import { attributeName, describeFact, describeSource, sourceName } from "./wording";

export const unattributedSpec: Rule = (claim, context) => {
  const spec = claim.spec;
  if (!spec || claim.attribution) return undefined;
  const what = `${spec.system.name} ${attributeName(spec.attribute)} ${context.quote(claim)}`;
  const trace = context.trace(claim);
  const traced = trace?.status === "traced" ? trace.figures : undefined;
  const fromSource = traced && attributeAsSource(claim, traced);
  const base = { rule: "unattributed-spec" as const, offset: claim.offset, length: claim.length, ...(traced && { traces: traced }) };
  const verdict = spec.verdict;
  if (verdict.status === "agrees") {
    const source = context.sourceOf(verdict.fact.source);
    const name = source ? sourceName(source) : verdict.fact.source;
    // The writer's source is offered too, unless it would insert the very same words.
    const reference = attributeTo(claim, name);
    return {
      ...base,
      message: `${what} has no source. It agrees with the reference (${describeFact(verdict.fact)}${source ? `, ${describeSource(source)}` : ""}): cite ${name}.`,
      related: citeFact(context, claim, verdict.fact),
      fixes: [reference, ...(fromSource && fromSource.edits[0].newText !== reference.edits[0].newText ? [{ ...fromSource, preferred: false }] : []), addAttribution(claim)],
    };
  }
  const comparison =
    verdict.status === "conflicts"
      ? `It also disagrees with the reference (${describeFact(verdict.fact)}).`
      : `The reference has no ${attributeName(spec.attribute)} for ${spec.system.name} to check it against.`;
  return {
    ...base,
    message: `${what} has no source. ${comparison}`,
    related: verdict.status === "conflicts" ? citeFact(context, claim, verdict.fact) : undefined,
    fixes: fromSource ? [fromSource, addAttribution(claim)] : [addAttribution(claim)],
  };
};
