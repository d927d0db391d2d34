/** Shared by the engine's unit tests: a checker over the bundled reference, and findings as text. */
import { createChecker, type Checker } from "../../server/src/core/checker";
import { bundledReference } from "../../server/src/reference/load";

export const bundledChecker: Checker = createChecker({ reference: bundledReference() });

/** Each finding as [rule, the exact text its range covers]. */
export function found(text: string, checker: Checker = bundledChecker): [string, string][] {
  return checker.check(text).map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)]);
}
