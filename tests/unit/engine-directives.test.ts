/**
 * Inline directives (spec section 6), markdownlint style. Each draft keeps a finding that
 * the directive must not silence, so a directive that silences everything fails too.
 */
import { describe, it, expect } from "vitest";
import { found } from "./support";

describe("disable … enable", () => {
  it("silences every rule between the two comments, and only there", () => {
    const text = [
      "<!-- claimlint-disable -->",
      "Russia fired 50 drones. ATACMS can hit targets 500 km out.",
      "<!-- claimlint-enable -->",
      "",
      "Russia fired 70 missiles at the grid.",
      "",
    ].join("\n");
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("without enable, runs to the end of the file, spec-conflict included", () => {
    const text = [
      "Russia fired 70 missiles at the grid.",
      "",
      "<!-- claimlint-disable -->",
      "",
      "ATACMS can reach 500 km, the Pentagon said. Russia fired 50 drones.",
      "",
    ].join("\n");
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("a disable for one rule leaves the other rules on", () => {
    const text = [
      "<!-- claimlint-disable unattributed-figure -->",
      "ATACMS can hit targets 500 km out. Russia fired 50 drones.",
      "<!-- claimlint-enable unattributed-figure -->",
      "",
      "Russia fired 70 missiles at the grid.",
      "",
    ].join("\n");
    expect(found(text)).toEqual([
      ["unattributed-spec", "500 km"],
      ["spec-conflict", "500 km"],
      ["unattributed-figure", "70 missiles"],
    ]);
  });

  it("a disabled spec rule is not reported as unattributed-figure instead", () => {
    const text = ["<!-- claimlint-disable unattributed-spec -->", "", "The Storm Shadow can fly more than 250 km.", ""].join("\n");
    expect(found(text)).toEqual([]);
  });

  it("an inline comment in a paragraph disables from there on", () => {
    const text = "Russia fired 70 missiles at the grid. <!-- claimlint-disable spec-conflict -->\n\nATACMS can hit targets 500 km out.\n";
    expect(found(text)).toEqual([
      ["unattributed-figure", "70 missiles"],
      ["unattributed-spec", "500 km"],
    ]);
  });

  it("enable for one rule re-enables only that rule", () => {
    const text = [
      "<!-- claimlint-disable -->",
      "<!-- claimlint-enable unattributed-figure -->",
      "",
      "Russia fired 70 missiles at the grid. ATACMS can hit targets 500 km out.",
      "",
    ].join("\n");
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });
});

describe("disable-line", () => {
  it("silences its own line only", () => {
    const text = "Russia fired 50 drones at Odesa. <!-- claimlint-disable-line -->\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("with a rule named, silences only that rule on the line", () => {
    const text = "ATACMS can hit targets 500 km out. <!-- claimlint-disable-line spec-conflict -->\n";
    expect(found(text)).toEqual([["unattributed-spec", "500 km"]]);
  });
});

describe("disable-next-line", () => {
  it("silences the next line only, not the rest of the paragraph", () => {
    const text = "<!-- claimlint-disable-next-line -->\nRussia fired 50 drones at Odesa.\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("before a list item silences that item", () => {
    const text = "- Russia fired 70 missiles at the grid.\n<!-- claimlint-disable-next-line -->\n- Russia fired 50 drones at Odesa.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("with a rule named, leaves the other rules on that line", () => {
    const text = "<!-- claimlint-disable-next-line unattributed-figure -->\nATACMS can reach 500 km, and 50 drones flew.\n";
    expect(found(text)).toEqual([
      ["unattributed-spec", "500 km"],
      ["spec-conflict", "500 km"],
    ]);
  });

  it("silences spec-conflict too", () => {
    const text = "<!-- claimlint-disable-next-line -->\nATACMS can reach 500 km, the Pentagon said.\n\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });
});

describe("inert directives", () => {
  it("a directive inside a fenced code block is code, not a directive", () => {
    const text = "```html\n<!-- claimlint-disable -->\n```\n\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("a directive inside inline code is code, not a directive", () => {
    const text = "Write `<!-- claimlint-disable -->` to silence it. Russia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("an unknown rule name silences nothing", () => {
    const text = "<!-- claimlint-disable no-such-rule -->\n\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });

  it("an ordinary comment is no directive", () => {
    const text = "<!-- editor: check this -->\n\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual([["unattributed-figure", "70 missiles"]]);
  });
});
