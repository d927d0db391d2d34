/**
 * What each rule is, in one line, and where its documentation lives: shared by SARIF
 * output, the language server's `codeDescription` links and the docs.
 */
import type { FindingCode } from "../finding";

const RULES_DOC = "https://github.com/claimlint/claimlint/blob/main/docs/rules.md";

export const RULE_SUMMARIES: Record<FindingCode, string> = {
  "unattributed-figure": "A figure in a sentence that does not say where it comes from.",
  "unattributed-spec": "A weapon-specification statement that does not say where it comes from.",
  "spec-conflict": "A weapon specification that differs from the reference by more than 10%.",
  "unit-mismatch": "A value and its parenthetical conversion disagree by more than 5%.",
  "vague-attribution": "The only attribution is unnamed, such as \"officials said\".",
  "untraced-figure": "An unattributed figure that none of your own sources gives.",
  "figure-conflict": "A figure that disagrees with one of your own sources about the same event.",
  "size-limit": "A draft longer than maxDraftSize is checked only up to that size.",
};

/** The documentation page of a rule or notice (an anchor in docs/rules.md). */
export function ruleDocsUrl(rule: FindingCode): string {
  return `${RULES_DOC}#${rule}`;
}
