#!/usr/bin/env node
// `npm run fuzz -- [--seed N] [--runs N]`: the property tests of the engine, the open draft,
// the parser, the server's input framing and the claims list, each run N times on seed N (by default a seed from the clock, printed so a
// failure can be replayed), instead of the fixed count and seed `npm test` uses.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const FILES = [
  "tests/unit/engine-fuzz.test.ts",
  "tests/unit/engine-incremental.test.ts",
  "tests/unit/engine-parser.test.ts",
  "tests/unit/engine-sentences.test.ts",
  "tests/unit/framing.test.ts",
  "tests/unit/claims.test.ts",
];

const { values } = parseArgs({ options: { seed: { type: "string" }, runs: { type: "string", default: "2000" } } });
const seed = values.seed ?? String(Date.now() % 2 ** 31);
const runs = values.runs;
if (!/^\d+$/.test(seed) || !/^[1-9]\d*$/.test(runs)) {
  console.error("usage: npm run fuzz -- [--seed N] [--runs N]");
  process.exit(2);
}
console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
const result = spawnSync("npx", ["vitest", "run", "--testTimeout=0", ...FILES], {
  stdio: "inherit",
  env: { ...process.env, FC_SEED: seed, FC_RUNS: runs },
});
console.log(`fuzz: seed ${seed}, ${runs} runs per property: ${result.status === 0 ? "passed" : "FAILED"}`);
process.exit(result.status ?? 1);
