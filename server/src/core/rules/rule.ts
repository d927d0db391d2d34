/**
 * What a rule is: a function from one claim (a figure in context) to the findings it calls
 * for. Severity is not the rule's business: the checker applies the configured one.
 */
import type { SourceArticle } from "../../reference/types";
import type { Claim } from "../analysis";
import type { Finding, FactCitation } from "../finding";
import type { Trace } from "../sources/trace";

export type RuleFinding = Omit<Finding, "severity">;

export interface RuleContext {
  /** The source article a fact cites. */
  sourceOf(id: string): SourceArticle | undefined;
  /** The quoted text of a claim's figure, for messages. */
  quote(claim: Claim): string;
  /** The claim traced to the writer's own sources; undefined when none are configured. */
  trace(claim: Claim): Trace | undefined;
}

export type Rule = (claim: Claim, context: RuleContext) => RuleFinding | undefined;

/** A claim's reference fact with its article, for `related` information. */
export function citeFact(context: RuleContext, claim: Claim, fact: FactCitation["fact"]): FactCitation[] {
  const source = context.sourceOf(fact.source);
  return source && claim.spec ? [{ system: claim.spec.system.id, fact, source }] : [];
}
