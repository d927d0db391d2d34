/**
 * Weapon-specification statements (spec sections 4 and 5): `unattributed-spec` and
 * `spec-conflict` against the bundled reference, whose only values are the ATACMS range
 * (up to 300 km; nearly 190 miles).
 */
import { describe, it, expect } from "vitest";
import { bundledChecker, found } from "./support";

const checker = bundledChecker;

describe("systems by name and alias", () => {
  it.each([
    ["the name", "The ATACMS can hit targets up to 300 km away.", "up to 300 km"],
    ["the long name", "The Army Tactical Missile System can strike targets up to 300 km away.", "up to 300 km"],
    ["the designation alias", "An MGM-140 can fly nearly 190 miles.", "nearly 190 miles"],
  ])("a spec statement by %s is an unattributed-spec", (_what, text, span) => {
    expect(found(text)).toEqual([["unattributed-spec", span]]);
  });

  it("matching is case-aware: `patriots` are people, not the Patriot system", () => {
    const text = "The patriots in the village walked 40 kilometers to vote.";
    expect(found(text)).toEqual([["unattributed-figure", "40 kilometers"]]);
  });

  it("`Patriot` with its capital is the system", () => {
    const text = "The Patriot can engage targets 40 kilometers away.";
    expect(found(text)).toEqual([["unattributed-spec", "40 kilometers"]]);
  });

  it("a spec of a weapon that is not a named system is a plain figure", () => {
    const text = "The new Ukrainian drone can fly 1,000 kilometers.";
    expect(found(text)).toEqual([["unattributed-figure", "1,000 kilometers"]]);
  });
});

describe("references back to a system", () => {
  it("a pronoun carries the system from the previous sentence", () => {
    const text = "Kyiv received ATACMS last autumn. It can strike targets 500 km away.";
    expect(found(text)).toEqual([
      ["unattributed-spec", "500 km"],
      ["spec-conflict", "500 km"],
    ]);
  });

  it("`the missile` carries the system from the previous sentence", () => {
    const text = "Kyiv received ATACMS last autumn. The missile can strike targets 500 km away.";
    expect(found(text)).toEqual([
      ["unattributed-spec", "500 km"],
      ["spec-conflict", "500 km"],
    ]);
  });

  it("a pronoun two sentences on carries nothing", () => {
    const text = "Kyiv received ATACMS last autumn. The weather turned cold. It can strike targets 500 km away.";
    expect(found(text)).toEqual([["unattributed-figure", "500 km"]]);
  });

  it("a pronoun in the next paragraph carries nothing", () => {
    const text = "Kyiv received ATACMS last autumn.\n\nIt can strike targets 500 km away.\n";
    expect(found(text)).toEqual([["unattributed-figure", "500 km"]]);
  });

  it("a pronoun after a sentence that names no system carries nothing", () => {
    const text = "Engineers inspected the bridge on Monday. It is about 200 meters long.";
    expect(found(text)).toEqual([["unattributed-figure", "about 200 meters"]]);
  });
});

describe("what is not a spec", () => {
  it("a restriction imposed on use is a policy figure, not the system's range", () => {
    const text = "HIMARS were supplied, albeit with a restricted range of 50 miles.";
    expect(found(text)).toEqual([["unattributed-figure", "50 miles"]]);
  });

  it("where a strike landed is not the system's range", () => {
    const text = "ATACMS hit an airfield about 100 miles behind the front line.";
    expect(found(text)).toEqual([["unattributed-figure", "about 100 miles"]]);
  });

  it("a limit on where the system may be used is not its range", () => {
    const text = "Ukraine may use ATACMS only within 100 km of the border.";
    expect(found(text)).toEqual([["unattributed-figure", "100 km"]]);
  });

  it("a count of missiles is a figure, not a spec", () => {
    const text = "Ukraine has fired 14 ATACMS at targets in Crimea.";
    expect(found(text)).toEqual([["unattributed-figure", "14 ATACMS"]]);
  });

  it("an approval with no value is nothing at all", () => {
    expect(found("Biden approved ATACMS for Ukraine in the spring.")).toEqual([]);
  });
});

describe("agreeing values", () => {
  it.each([
    ["up to 300 km", "ATACMS can reach targets up to 300 km away, the Pentagon said."],
    ["as far as 300 kilometers", "ATACMS can strike as far as 300 kilometers, the Pentagon said."],
    ["nearly 190 miles", "ATACMS can fly nearly 190 miles, the Pentagon said."],
    ["about 300 km with a correct conversion", "ATACMS can travel about 300 km (186 miles), the Pentagon said."],
  ])("attributed and agreeing (%s): nothing to report", (_what, text) => {
    expect(found(text)).toEqual([]);
  });

  it("unattributed and agreeing: only unattributed-spec, which says it agrees and whom to cite", () => {
    const text = "ATACMS missiles can strike targets as far as 300 kilometers (186 miles) away.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([
      ["unattributed-spec", "as far as 300 kilometers (186 miles)"],
    ]);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toMatch(/agrees with the reference/);
    expect(findings[0].message).toMatch(/cite RT/);
  });
});

describe("conflicting values", () => {
  it("an unattributed conflict gives both unattributed-spec and spec-conflict", () => {
    const text = "ATACMS can strike targets 500 kilometers away.";
    expect(found(text)).toEqual([
      ["unattributed-spec", "500 kilometers"],
      ["spec-conflict", "500 kilometers"],
    ]);
  });

  it("an attributed conflict gives spec-conflict only, as an error pointing at the reference fact", () => {
    const text = "ATACMS can reach as far as 400 km, the Pentagon said.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["spec-conflict", "as far as 400 km"]]);
    expect(findings[0].severity).toBe("error");
    expect(findings[0].related).toHaveLength(1);
    expect(findings[0].related![0].system).toBe("atacms");
    expect(findings[0].related![0].fact).toMatchObject({ attribute: "range", value: 300, unit: "km" });
    expect(findings[0].related![0].source.id).toBe(findings[0].related![0].fact.source);
  });

  it("the right number in the wrong unit conflicts (300 miles is 483 km)", () => {
    const text = "ATACMS can travel about 300 miles.";
    expect(found(text)).toEqual([
      ["unattributed-spec", "about 300 miles"],
      ["spec-conflict", "about 300 miles"],
    ]);
  });

  it("within 10% of the reference agrees; beyond it conflicts", () => {
    expect(found("ATACMS can strike targets 320 km away.")).toEqual([["unattributed-spec", "320 km"]]);
    expect(found("ATACMS can strike targets 250 km away.")).toEqual([
      ["unattributed-spec", "250 km"],
      ["spec-conflict", "250 km"],
    ]);
  });

  it("a hyphenated range adjective before the name is a spec", () => {
    expect(found("Kyiv fired the 300-kilometer ATACMS at an airfield.")).toEqual([["unattributed-spec", "300-kilometer"]]);
    expect(found("Kyiv fired the 500-kilometre ATACMS at an airfield.")).toEqual([
      ["unattributed-spec", "500-kilometre"],
      ["spec-conflict", "500-kilometre"],
    ]);
  });

  it("a spec in a list under an attributed lead-in is attributed but still compared", () => {
    const text = "The Pentagon said:\n\n- ATACMS can strike targets up to 300 km away\n- ATACMS can also strike targets 500 km away\n";
    expect(found(text)).toEqual([["spec-conflict", "500 km"]]);
  });

  it("the message of an unattributed conflict says it disagrees", () => {
    const text = "ATACMS can strike targets 500 kilometers away.";
    const spec = checker.check(text).find((f) => f.rule === "unattributed-spec")!;
    expect(spec.message).toMatch(/disagrees with the reference/);
  });
});

describe("a system with no reference value", () => {
  it("is an unattributed-spec that never conflicts", () => {
    const text = "The Storm Shadow can fly more than 250 km.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["unattributed-spec", "more than 250 km"]]);
    expect(findings[0].message).toMatch(/no range for Storm Shadow/);
  });

  it("attributed, it is quiet even with an implausible value", () => {
    expect(found("The Storm Shadow can fly 5,000 km, the manufacturer claimed.")).toEqual([]);
  });

  it("HIMARS range is never compared with the 50-mile restriction", () => {
    const text = "The M142 can fire rockets as far as 70 kilometers.";
    expect(found(text)).toEqual([["unattributed-spec", "as far as 70 kilometers"]]);
  });
});
