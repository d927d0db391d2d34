/**
 * Offsets (spec section 1): a finding's range covers the claim's characters in the original
 * Markdown, counted in UTF-16 code units, whatever markup, line ends or astral characters
 * sit around or inside it.
 */
import { describe, it, expect } from "vitest";
import { bundledChecker, found } from "./support";

const checker = bundledChecker;

describe("ranges over inline markup", () => {
  it("a figure split by strong emphasis covers the number through its noun", () => {
    const text = "Russia lost **4,000** troops near Bakhmut.";
    expect(found(text)).toEqual([["unattributed-figure", "4,000** troops"]]);
  });

  it("a qualifier in emphasis belongs to the figure", () => {
    const text = "Russia lost *more than* 4,000 troops near Bakhmut.";
    expect(found(text)).toEqual([["unattributed-figure", "more than* 4,000 troops"]]);
  });

  it("emphasis opening after the qualifier is inside the range", () => {
    const text = "Russia lost more than **4,000 troops** near Bakhmut.";
    expect(found(text)).toEqual([["unattributed-figure", "more than **4,000 troops"]]);
  });

  it("a figure inside link text is found at its place in the source", () => {
    const text = "ATACMS can strike [as far as 500 km](https://example.org/atacms-300) from the front.";
    expect(found(text)).toEqual([["spec-conflict", "as far as 500 km"]]);
  });

  it("a wrong conversion inside link text is found at its place in the source", () => {
    const text = "See the [12-mile (12 km) convoy](https://example.org/convoy) photographed on Monday.";
    expect(found(text)).toEqual([["unit-mismatch", "12-mile (12 km)"]]);
  });

  it("an HTML entity inside a figure keeps the range on the source characters", () => {
    const text = "Russia fired 70&nbsp;missiles at the grid.";
    expect(found(text)).toEqual([["unattributed-figure", "70&nbsp;missiles"]]);
  });
});

describe("ranges over line structure", () => {
  it("a figure across a soft line break", () => {
    const text = "Russia fired more than\n50 drones at Odesa overnight.";
    expect(found(text)).toEqual([["unattributed-figure", "more than\n50 drones"]]);
  });

  it("CRLF line ends", () => {
    const text = "Officials met in Kyiv.\r\nRussia fired 50 drones at Odesa.\r\n\r\nThe mayor was calm.\r\n";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["unattributed-figure", "50 drones"]]);
    expect(findings[0].offset).toBe(text.indexOf("50 drones"));
  });

  it("a figure across a CRLF soft break", () => {
    const text = "Russia fired more than\r\n50 drones at Odesa overnight.\r\n";
    expect(found(text)).toEqual([["unattributed-figure", "more than\r\n50 drones"]]);
  });

  it("astral characters before the figure count as two code units each", () => {
    const text = "🇺🇦🇺🇦 Partisans burned 12 depots in Crimea.";
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual([["unattributed-figure", "12 depots"]]);
    expect(findings[0].offset).toBe(text.indexOf("12 depots"));
  });

  it("astral characters in an earlier paragraph do not shift a later range", () => {
    const text = "😀 📷 Photo essay.\n\nRussia fired 50 drones at Odesa.\n";
    expect(found(text)).toEqual([["unattributed-figure", "50 drones"]]);
  });
});

describe("ranges in block constructs", () => {
  it("a figure in a block quote", () => {
    const text = "> Russia fired 50 drones at Odesa.\n";
    expect(found(text)).toEqual([["unattributed-figure", "50 drones"]]);
  });

  it("a figure across lines of a block quote", () => {
    const text = "> The port lost 70 cranes,\n> and more than\n> 200 workers left.\n";
    expect(found(text)).toEqual([
      ["unattributed-figure", "70 cranes"],
      ["unattributed-figure", "more than\n> 200 workers"],
    ]);
  });

  it("a figure in a table cell", () => {
    const text = "| City | Attack |\n| --- | --- |\n| Odesa | 50 drones |\n";
    expect(found(text)).toEqual([["unattributed-figure", "50 drones"]]);
  });

  it("a figure in a heading", () => {
    const text = "## Russia fires 120 missiles in one night\n\nThe text follows.\n";
    expect(found(text)).toEqual([["unattributed-figure", "120 missiles"]]);
  });

  it("a figure in a nested list item", () => {
    const text = "- Overnight:\n  - Russia fired 50 drones at Odesa.\n";
    expect(found(text)).toEqual([["unattributed-figure", "50 drones"]]);
  });
});
