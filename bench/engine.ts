/**
 * Engine throughput on generated drafts: MB/s (warm median), the ratio of its time to
 * markdown-it's bare parse and to markdownlint's sync API on the same text, and how time
 * scales from 1 MB to 10 MB.
 */
import MarkdownIt from "markdown-it";
import { lint } from "markdownlint/sync";
import { createChecker } from "../server/src/core/checker";
import { bundledReference } from "../server/src/reference/load";
import { generateDraft } from "./generate";

const MOST_WARM_UPS = 5;
const WARM_UP_MS = 1000;

export interface EngineFigures {
  draft: string;
  "engine MB/s": number;
  "engine ms": number;
  "markdown-it ms": number;
  "× markdown-it": number;
  "markdownlint ms": number;
  "× faster than markdownlint": number;
  findings: number;
}

/**
 * The median of `repeats` timed runs, after runs that warm the code up: at least one, and
 * more while they take under a second in all, up to five. The engine's first checks of a
 * draft run its code before the compiler has optimised it (a 1 MB check: 330, 170, 120, then
 * about 100 ms); a single warm-up left half the timed runs cold. Every tool measured gets the
 * same warm-up.
 */
export function medianMs(run: () => void, repeats: number): number {
  const warming = performance.now();
  let warmUps = 0;
  do {
    run();
    warmUps++;
  } while (warmUps < MOST_WARM_UPS && performance.now() - warming < WARM_UP_MS);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function measureEngine(sizes: readonly (readonly [string, number, number])[]): EngineFigures[] {
  const checker = createChecker({ reference: bundledReference() });
  const markdownIt = new MarkdownIt();
  return sizes.map(([label, bytes, repeats]) => {
    const draft = generateDraft(bytes, 42);
    const mb = draft.length / 1e6;
    let findings = 0;
    const engine = medianMs(() => (findings = checker.check(draft).length), repeats);
    const parse = medianMs(() => markdownIt.parse(draft, {}), repeats);
    // markdownlint is slow on big drafts: fewer repeats keep the run short, the median stays honest.
    const markdownlint = medianMs(() => lint({ strings: { draft } }), Math.min(repeats, 3));
    return {
      draft: label,
      "engine MB/s": +(mb / (engine / 1000)).toFixed(2),
      "engine ms": Math.round(engine),
      "markdown-it ms": Math.round(parse),
      "× markdown-it": +(engine / parse).toFixed(2),
      "markdownlint ms": Math.round(markdownlint),
      "× faster than markdownlint": +(markdownlint / engine).toFixed(1),
      findings,
    };
  });
}
