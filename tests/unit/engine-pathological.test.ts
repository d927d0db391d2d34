/**
 * Inputs built to hurt a Markdown parser or a regular expression, at the sizes that hurt:
 * a 1 MB line, 100,000 digits, a million commas, 10,000 nested block quotes and lists,
 * unclosed emphasis and links by the ten thousand, a table of 10,000 rows. Each is checked
 * to the end and gives the findings a reader would expect. How their time grows with their
 * size is measured by the benchmark (`npm run bench`), not here.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../server/src/core/finding";
import { bundledChecker } from "./support";

const checker = bundledChecker;

/** The text each finding covers, by rule, asserting every range lies inside the text. */
function covered(text: string): [string, string][] {
  const findings: Finding[] = checker.check(text);
  for (const f of findings) {
    expect(f.offset).toBeGreaterThanOrEqual(0);
    expect(f.offset + f.length).toBeLessThanOrEqual(text.length);
  }
  return findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)]);
}

/** How many findings of each rule and covered text. */
function tally(found: [string, string][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [rule, span] of found) counts[`${rule}: ${span}`] = (counts[`${rule}: ${span}`] ?? 0) + 1;
  return counts;
}

const SENTENCE = "Russia lost 300 drones near Pokrovsk. ";

describe("pathological drafts", () => {
  it("a 1 MB line of sentences: every figure found once", () => {
    const repeats = Math.ceil(1_000_000 / SENTENCE.length);
    expect(tally(covered(SENTENCE.repeat(repeats)))).toEqual({ "unattributed-figure: 300 drones": repeats });
  });

  it("100,000 digits in a sentence: one figure, the whole number", () => {
    const digits = "7".repeat(100_000);
    expect(covered(`Russia lost ${digits} drones.`)).toEqual([["unattributed-figure", `${digits} drones`]]);
  });

  it("a million commas, and a million commas between digits: nothing to flag but one number", () => {
    expect(covered(",".repeat(1_000_000))).toEqual([]);
    expect(covered(`Russia lost ${"1,".repeat(500_000)} drones.`)).toHaveLength(1);
  });

  it("10,000 nested block quotes: the figure at the bottom is found", () => {
    expect(covered(`${"> ".repeat(10_000)}Russia lost 300 drones.\n`)).toEqual([["unattributed-figure", "300 drones"]]);
  });

  it("10,000 nested lists, bullet and ordered: the figure at the bottom is found", () => {
    expect(covered(`${"- ".repeat(10_000)}Russia lost 300 drones.\n`)).toEqual([["unattributed-figure", "300 drones"]]);
    expect(covered(`${"* 1. ".repeat(5_000)}Russia lost 300 drones.\n`)).toEqual([["unattributed-figure", "300 drones"]]);
  });

  it("lines that each nest one level deeper than the last, 2,000 deep: still every figure", () => {
    const quotes = Array.from({ length: 2_000 }, (_, i) => `${">".repeat(i + 1)} Russia lost 300 drones.`).join("\n");
    expect(tally(covered(quotes))).toEqual({ "unattributed-figure: 300 drones": 2_000 });
    const lists = Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(Math.min(i, 12))}- Russia lost 300 drones.`).join("\n");
    expect(tally(covered(lists))).toEqual({ "unattributed-figure: 300 drones": 2_000 });
  });

  it("20,000 unclosed emphasis marks in one paragraph: every figure found", () => {
    expect(tally(covered("*Russia lost 300 drones _near Pokrovsk. ".repeat(20_000)))).toEqual({ "unattributed-figure: 300 drones": 20_000 });
  });

  it("20,000 unclosed links in one paragraph: every figure found", () => {
    expect(tally(covered("[Russia lost [300 drones](near Pokrovsk. ".repeat(20_000)))).toEqual({ "unattributed-figure: 300 drones": 20_000 });
  });

  it("runs of marks that never close, and that all close", () => {
    expect(covered("*a".repeat(100_000))).toEqual([]);
    expect(covered("_a_ ".repeat(100_000))).toEqual([]);
    expect(covered("`a ``b ".repeat(50_000))).toEqual([]);
    expect(covered("$a ".repeat(100_000))).toEqual([]);
  });

  it("a table of 10,000 rows: one finding per row", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| Kharkiv ${i % 7} | 300 drones |`).join("\n");
    expect(tally(covered(`| Region | Count |\n| --- | --- |\n${rows}\n`))).toEqual({ "unattributed-figure: 300 drones": 10_000 });
  });
});
