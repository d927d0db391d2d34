/**
 * Engine throughput on generated drafts: MB/s (warm median), the ratio to markdown-it's bare
 * parse of the same text, and how time scales from 1 MB to 10 MB.
 */
import MarkdownIt from "markdown-it";
import { createChecker } from "../server/src/core/checker";
import { bundledReference } from "../server/src/reference/load";
import { generateDraft } from "./generate";

function medianMs(run: () => void, repeats: number): number {
  run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const checker = createChecker({ reference: bundledReference() });
const markdownIt = new MarkdownIt();
const rows: Record<string, unknown>[] = [];
for (const [label, bytes, repeats] of [["100 KB", 100_000, 9], ["1 MB", 1_000_000, 5], ["10 MB", 10_000_000, 3]] as const) {
  const draft = generateDraft(bytes, 42);
  const mb = draft.length / 1e6;
  let findings = 0;
  const engine = medianMs(() => (findings = checker.check(draft).length), repeats);
  const parse = medianMs(() => markdownIt.parse(draft, {}), repeats);
  rows.push({
    draft: label,
    "engine MB/s": +(mb / (engine / 1000)).toFixed(2),
    "engine ms": Math.round(engine),
    "markdown-it ms": Math.round(parse),
    "× markdown-it": +(engine / parse).toFixed(2),
    findings,
  });
}
console.table(rows);
const ms = (label: string) => rows.find((r) => r.draft === label)!["engine ms"] as number;
console.log(`scaling 1 MB → 10 MB: ×${(ms("10 MB") / ms("1 MB")).toFixed(1)} (linear is ×10)`);
