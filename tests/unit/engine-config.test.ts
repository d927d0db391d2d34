/**
 * Options: rule severities (`off` included), the optional `vague-attribution` rule, and
 * extra attribution phrases, all passed to createChecker as parameters.
 */
import { describe, it, expect } from "vitest";
import { createChecker, type CheckOptions } from "../../server/src/core/checker";
import { bundledReference } from "../../server/src/reference/load";

/** Each finding as [rule, severity, the exact text its range covers]. */
function found(text: string, options?: Partial<CheckOptions>): [string, string, string][] {
  const checker = createChecker({ reference: bundledReference(), options });
  return checker.check(text).map((f) => [f.rule, f.severity, text.slice(f.offset, f.offset + f.length)]);
}

/** One draft that sets off every default rule once. */
const DRAFT = [
  "Russia fired 70 missiles at the grid.",
  "ATACMS can strike targets 500 km away.",
  "The convoy stretched 12 miles (12 km) along the road, the police said.",
  "",
].join("\n\n");

describe("default severities", () => {
  it("follow the spec's table", () => {
    expect(found(DRAFT)).toEqual([
      ["unattributed-figure", "warning", "70 missiles"],
      ["unattributed-spec", "warning", "500 km"],
      ["spec-conflict", "error", "500 km"],
      ["unit-mismatch", "warning", "12 miles (12 km)"],
    ]);
  });
});

describe("severities from options", () => {
  it("a configured severity replaces the default", () => {
    const options = { severities: { "unattributed-figure": "hint", "spec-conflict": "warning", "unit-mismatch": "error" } } as const;
    expect(found(DRAFT, options)).toEqual([
      ["unattributed-figure", "hint", "70 missiles"],
      ["unattributed-spec", "warning", "500 km"],
      ["spec-conflict", "warning", "500 km"],
      ["unit-mismatch", "error", "12 miles (12 km)"],
    ]);
  });

  it.each([
    ["unattributed-figure", [["unattributed-spec", "warning", "500 km"], ["spec-conflict", "error", "500 km"], ["unit-mismatch", "warning", "12 miles (12 km)"]]],
    ["unattributed-spec", [["unattributed-figure", "warning", "70 missiles"], ["spec-conflict", "error", "500 km"], ["unit-mismatch", "warning", "12 miles (12 km)"]]],
    ["spec-conflict", [["unattributed-figure", "warning", "70 missiles"], ["unattributed-spec", "warning", "500 km"], ["unit-mismatch", "warning", "12 miles (12 km)"]]],
    ["unit-mismatch", [["unattributed-figure", "warning", "70 missiles"], ["unattributed-spec", "warning", "500 km"], ["spec-conflict", "error", "500 km"]]],
  ] as const)("%s set to off is silent and the others are not", (rule, expected) => {
    expect(found(DRAFT, { severities: { [rule]: "off" } })).toEqual(expected);
  });

  it("an unattributed spec stays an unattributed-spec when spec-conflict is off", () => {
    expect(found("ATACMS can strike targets 500 km away.", { severities: { "spec-conflict": "off" } })).toEqual([
      ["unattributed-spec", "warning", "500 km"],
    ]);
  });

  it("every rule off: no findings at all", () => {
    const severities = {
      "unattributed-figure": "off",
      "unattributed-spec": "off",
      "spec-conflict": "off",
      "unit-mismatch": "off",
      "vague-attribution": "off",
    } as const;
    expect(found(DRAFT, { severities })).toEqual([]);
  });
});

describe("vague-attribution", () => {
  const vague = [
    ["officials said", "Officials said 300 drones were shot down over the capital.", "300 drones"],
    ["reportedly", "Russia reportedly lost 300 drones over the capital.", "300 drones"],
    ["sources say", "Sources say 300 drones were shot down over the capital.", "300 drones"],
    ["it is believed", "It is believed that 300 drones were shot down over the capital.", "300 drones"],
  ] as const;

  it.each(vague)("is off by default (%s)", (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each(vague)("when turned on, flags %s as information", (_what, text, span) => {
    expect(found(text, { severities: { "vague-attribution": "information" } })).toEqual([["vague-attribution", "information", span]]);
  });

  it("when turned on, stays quiet for a named source", () => {
    const text = "The air force said 300 drones were shot down over the capital.";
    expect(found(text, { severities: { "vague-attribution": "information" } })).toEqual([]);
  });

  it("when turned on, does not flag a figure with no source at all", () => {
    const text = "Russia lost 300 drones over the capital.";
    expect(found(text, { severities: { "vague-attribution": "information" } })).toEqual([["unattributed-figure", "warning", "300 drones"]]);
  });
});

describe("extra attribution phrases", () => {
  const text = "Russia lost 300 drones over the capital, by the desk tally.";

  it("without the phrase the figure is unattributed", () => {
    expect(found(text)).toEqual([["unattributed-figure", "warning", "300 drones"]]);
  });

  it("a configured phrase attributes the figure", () => {
    expect(found(text, { attributionPhrases: ["by the desk tally"] })).toEqual([]);
  });

  it("matches case-insensitively and across any white space", () => {
    expect(found("Russia lost 300 drones over the capital, By The  Desk\nTally.", { attributionPhrases: ["by the desk tally"] })).toEqual([]);
  });

  it("matches whole words only", () => {
    expect(found("Russia lost 300 drones over the capital, by the desk tallyman.", { attributionPhrases: ["by the desk tally"] })).toEqual([
      ["unattributed-figure", "warning", "300 drones"],
    ]);
  });
});

describe("vague-attribution fires only when the source is unnamed", () => {
  const on = { severities: { "vague-attribution": "information" as const } };

  it("a named source beside a vague marker is named", () => {
    expect(found("According to Reuters, 300 troops reportedly arrived in Sumy.", on)).toEqual([]);
  });

  it("an unnamed source alone is vague", () => {
    expect(found("Officials said 300 troops arrived in Sumy.", on)).toEqual([["vague-attribution", "information", "300 troops"]]);
  });
});
