/**
 * The reference is a parameter: a checker built with a tiny inline reference (one made-up
 * system, three facts) recognises that system, compares with its facts and cites its
 * source, and knows nothing of the bundled systems.
 */
import { describe, it, expect } from "vitest";
import { found as foundBy } from "./support";
import { createChecker } from "../../server/src/core/checker";
import { bundledReference } from "../../server/src/reference/load";
import type { Reference } from "../../server/src/reference/types";

const tiny: Reference = {
  sources: [{ id: "desk-2025", file: "desk.txt", headline: "Kestrel drone enters service", outlet: "Desk Wire", date: "2025-03" }],
  systems: [
    {
      id: "kestrel",
      name: "Kestrel",
      aliases: ["KR-7"],
      kind: "strike drone",
      origin: "nowhere",
      facts: [
        { attribute: "range", value: 120, unit: "km", qualifier: "up to", source: "desk-2025", evidence: "a range of up to 120 kilometers" },
        { attribute: "speed", value: 900, unit: "km/h", qualifier: "exact", source: "desk-2025", evidence: "flies at 900 km/h" },
        { attribute: "unit-cost", value: 2000000, unit: "USD", qualifier: "about", source: "desk-2025", evidence: "about $2 million apiece" },
      ],
      events: [],
    },
  ],
};

const checker = createChecker({ reference: tiny });

/** Each finding as [rule, the exact text its range covers], by the tiny reference by default. */
const found = (text: string, c = checker) => foundBy(text, c);

describe("a checker built with an inline reference", () => {
  it("recognises the made-up system and says which source to cite", () => {
    const text = "The Kestrel can fly up to 120 km.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["unattributed-spec", "up to 120 km"]]);
    expect(findings[0].message).toMatch(/cite Desk Wire/);
    expect(findings[0].fixes.map((f) => f.title)).toContain("Attribute to Desk Wire");
    expect(findings[0].related?.[0]).toMatchObject({ system: "kestrel", source: { id: "desk-2025" } });
  });

  it("recognises the system by its alias and finds a range conflict, citing the inline source", () => {
    const text = "The KR-7 can fly 300 km.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([
      ["unattributed-spec", "300 km"],
      ["spec-conflict", "300 km"],
    ]);
    const conflict = findings[1];
    expect(conflict.related).toHaveLength(1);
    expect(conflict.related![0].fact).toMatchObject({ attribute: "range", value: 120, unit: "km" });
    expect(conflict.related![0].source.outlet).toBe("Desk Wire");
  });

  it("compares a speed with the speed fact", () => {
    expect(found("The Kestrel flies at 900 km/h, its maker said.")).toEqual([]);
    expect(found("The Kestrel flies at 2,000 km/h, its maker said.")).toEqual([["spec-conflict", "2,000 km/h"]]);
  });

  it("compares a unit cost with the cost fact", () => {
    expect(found("Each Kestrel costs $2 million, the ministry said.")).toEqual([]);
    expect(found("Each Kestrel costs $5 million, the ministry said.")).toEqual([["spec-conflict", "$5 million"]]);
  });

  it("knows nothing of the bundled systems", () => {
    expect(found("ATACMS can strike targets 500 km away.")).toEqual([["unattributed-figure", "500 km"]]);
  });

  it("the bundled checker knows nothing of the made-up system", () => {
    const bundled = createChecker({ reference: bundledReference() });
    expect(found("The KR-7 can fly 300 km.", bundled)).toEqual([["unattributed-figure", "300 km"]]);
  });

  it("an empty reference still finds figures and never a spec", () => {
    const empty = createChecker({ reference: { sources: [], systems: [] } });
    expect(found("ATACMS can strike targets 500 km away. Russia fired 70 missiles.", empty)).toEqual([
      ["unattributed-figure", "500 km"],
      ["unattributed-figure", "70 missiles"],
    ]);
  });

  it("does not modify the reference it is given", () => {
    const before = JSON.stringify(tiny);
    checker.check("The Kestrel can fly 300 km. The KR-7 costs $5 million apiece.");
    expect(JSON.stringify(tiny)).toBe(before);
  });
});
