/**
 * `unit-mismatch` (spec section 5): a value and its directly following parenthetical
 * conversion disagree by more than 5%. It fires whether or not the figure is attributed.
 */
import { describe, it, expect } from "vitest";
import { bundledChecker, found } from "./support";

const checker = bundledChecker;

describe("unit-mismatch fires", () => {
  it("on a wrong distance conversion, beside unattributed-figure, with one shared range", () => {
    const text = "The column stretched roughly 1,100 kilometers (900 miles) across the steppe.";
    expect(found(text)).toEqual([
      ["unattributed-figure", "roughly 1,100 kilometers (900 miles)"],
      ["unit-mismatch", "roughly 1,100 kilometers (900 miles)"],
    ]);
  });

  it("on an attributed figure as well, as a warning", () => {
    const text = "The drones climbed to 2,500 meters (2,500 feet), the air force said.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["unit-mismatch", "2,500 meters (2,500 feet)"]]);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toContain("2,500 m is not 2,500 ft");
  });

  it("on a hyphenated weight conversion", () => {
    const text = "Each 1,200-kilogram (1,200-pound) bomb can flatten a block, the pilots said.";
    expect(found(text)).toEqual([["unit-mismatch", "1,200-kilogram (1,200-pound)"]]);
  });

  it("on a speed conversion", () => {
    const text = "The cruise missile flies at 900 km/h (900 mph), engineers said.";
    expect(found(text)).toEqual([["unit-mismatch", "900 km/h (900 mph)"]]);
  });

  it("on a spec's conversion, beside the spec findings", () => {
    const text = "ATACMS can strike 300 kilometres (250 miles) away.";
    expect(found(text)).toEqual([
      ["unattributed-spec", "300 kilometres (250 miles)"],
      ["unit-mismatch", "300 kilometres (250 miles)"],
    ]);
  });
});

describe("unit-mismatch stays quiet", () => {
  it("on a correct conversion", () => {
    const text = "The column stretched about 1,000 km (620 miles) across the steppe, the governor said.";
    expect(found(text)).toEqual([]);
  });

  it("on a conversion within 5% (tonnes to pounds)", () => {
    const text = "Each truck carries 10 tonnes (22,000 pounds) of grain, the port said.";
    expect(found(text)).toEqual([]);
  });

  it("on a calibre converted to inches", () => {
    const text = "The howitzers fire 155mm (6.1-inch) shells, the army said.";
    expect(found(text)).toEqual([]);
  });

  it("on a currency conversion, which depends on the day's rate", () => {
    const text = "Oslo sent £2.5bn ($2.1bn) in aid, the finance ministry said.";
    expect(found(text)).toEqual([]);
  });

  it("on a parenthesis that is not a conversion", () => {
    const text = "The brigade lost 87 tanks (most of them in March), the general said.";
    expect(found(text)).toEqual([]);
  });
});
