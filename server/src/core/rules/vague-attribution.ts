/** `vague-attribution` (optional): the only source named is unnamed (`officials said`, `reportedly`). */
import type { Rule } from "./rule";

export const vagueAttribution: Rule = (claim, context) => {
  if (claim.attribution?.kind !== "vague") return undefined;
  return {
    rule: "vague-attribution",
    offset: claim.offset,
    length: claim.length,
    message: `${context.quote(claim)} rests on an unnamed source. Name it if you can.`,
    fixes: [],
  };
};
