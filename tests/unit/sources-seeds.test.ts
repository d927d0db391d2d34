/**
 * The seed articles as the writer's own sources: a draft that restates every one of their
 * figures in its own words (tests/fixtures/sources/from-seeds.md: other spellings, other
 * units, other sentences) traces each to the right seed figure. The seeds are read from
 * ../shared/seeds, never copied into the project.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyser } from "../../server/src/core/analysis";
import { readDocumentProse } from "../../server/src/core/markdown/document";
import { buildSourceIndex } from "../../server/src/core/sources/source-index";
import { traceClaim } from "../../server/src/core/sources/trace";
import { bundledReference } from "../../server/src/reference/load";

const SEEDS = path.resolve("../shared/seeds");
const reference = bundledReference();
const seeds = buildSourceIndex(
  readdirSync(SEEDS)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ file: name, text: readFileSync(path.join(SEEDS, name), "utf8") })),
  reference,
);

/** Each figure the draft restates, and the seed figure (`file:line figure`) it restates. */
const RESTATED: [string, string][] = [
  ["nine lawmakers", "000_e1e76ea45fbc90c6.txt:5 nine lawmakers"],
  ["up to 300 km", "000_e1e76ea45fbc90c6.txt:9 as far as 300 kilometers (190 miles)"],
  ["more than four thousand troops", "000_e1e76ea45fbc90c6.txt:23 more than 4,000 troops"],
  ["dozens of tanks", "000_e1e76ea45fbc90c6.txt:23 dozens of tanks"],
  ["nearly 190 miles", "004_c49fdab6f5e93c9f.txt:11 nearly 190 miles"],
  ["80 kilometers", "004_c49fdab6f5e93c9f.txt:21 50 miles"],
];

describe("the seed articles as sources", () => {
  it("give six figures, each with its place and, where the article names them, its attribution and outlet", () => {
    expect(seeds.figures.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([...new Set(RESTATED.map(([, seed]) => seed))]);
    const troops = seeds.figures.find((f) => f.thing === "troop")!;
    expect(troops).toMatchObject({ qualifier: "more than", value: 4000, attribution: "the Russian Defense Ministry", outlet: "RT" });
  });

  it("trace every figure of a draft built from them to the right one: 6 of 6", () => {
    const draft = readFileSync("tests/fixtures/sources/from-seeds.md", "utf8");
    const claims = createAnalyser(reference, []).claimsIn(readDocumentProse(draft));
    const restated = claims.map((claim) => draft.slice(claim.offset, claim.offset + claim.length));
    expect(restated).toEqual(RESTATED.map(([figure]) => figure));
    const traced = claims.map((claim) => {
      const trace = traceClaim(claim, seeds);
      return trace.status === "traced" ? trace.figures.map((f) => `${f.file}:${f.line} ${f.text}`) : [];
    });
    const correct = RESTATED.filter(([, seed], i) => traced[i].includes(seed)).length;
    expect(correct).toBe(seeds.figures.length);
  });
});
