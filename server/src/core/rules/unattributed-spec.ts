/**
 * `unattributed-spec`: a weapon specification with no source. The message says whether the
 * value agrees with the reference and, when it does, which source to cite.
 */
import { addAttribution, attributeTo } from "./fixes";
import { citeFact, type Rule } from "./rule";
import { attributeName, describeFact, describeSource, sourceName } from "./wording";

export const unattributedSpec: Rule = (claim, context) => {
  const spec = claim.spec;
  if (!spec || claim.attribution) return undefined;
  const what = `${spec.system.name} ${attributeName(spec.attribute)} ${context.quote(claim)}`;
  const base = { rule: "unattributed-spec" as const, offset: claim.offset, length: claim.length };
  const verdict = spec.verdict;
  if (verdict.status === "agrees") {
    const source = context.sourceOf(verdict.fact.source);
    const name = source ? sourceName(source) : verdict.fact.source;
    return {
      ...base,
      message: `${what} has no source. It agrees with the reference (${describeFact(verdict.fact)}${source ? `, ${describeSource(source)}` : ""}): cite ${name}.`,
      related: citeFact(context, claim, verdict.fact),
      fixes: [attributeTo(claim, name), addAttribution(claim)],
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
    fixes: [addAttribution(claim)],
  };
};
