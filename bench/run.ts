/**
 * `npm run bench`: the engine against markdown-it and markdownlint, the CLI as a process, and
 * the language server over stdio, on the same seeded drafts. Prints tables and writes
 * bench/latest.json; docs/performance.md records the figures with the machine they ran on.
 * `--quick` runs fewer repeats and edits, for a check that the bench still runs end to end.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureEngine, medianMs } from "./engine";
import { generateDraft } from "./generate";
import { measureServer } from "./lsp";
import { describeDraft } from "./mix";
import { measurePathological } from "./pathological";

const quick = process.argv.includes("--quick");

async function main() {
  const machine = { cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, node: process.version, date: new Date().toISOString() };
  console.log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}${quick ? " (quick run)" : ""}`);

  const mix = describeDraft(generateDraft(1_000_000, 42));
  console.log("\nthe 1 MB draft: blocks, and prose sentences with a figure and with a source");
  console.table([mix.blocks]);
  console.table([{ bytes: mix.bytes, "distinct words": mix["distinct words"], ...mix.sentences }]);

  // The server first: this process is its editor, and the engine runs below (markdownlint on
  // 10 MB above all) would leave it a heap whose collections land inside the timings.
  const server = path.resolve("dist/server.js");
  const lsp = [];
  const sizes = [["10 KB", 10_000], ["100 KB", 100_000], ["1 MB", 1_000_000], ["10 MB", 10_000_000]] as const;
  // Each size on a fresh server three times; every figure is the median of the three runs.
  const runs = quick ? 1 : 3;
  for (const [label, bytes] of sizes) {
    const each = [];
    for (let run = 0; run < runs; run++) each.push(await measureServer(server, label, bytes, quick ? 20 : 200, quick ? 10_000 : 120_000));
    lsp.push(medianRow(each));
  }
  console.log(`\nlanguage server over stdio, medians of ${runs} runs (RSS with the draft open: after the edits, idle for a second)`);
  console.table(lsp);

  const engine = measureEngine([
    ["100 KB", 100_000, quick ? 3 : 9],
    ["1 MB", 1_000_000, quick ? 2 : 5],
    ["10 MB", 10_000_000, quick ? 1 : 3],
  ]);
  console.log("\nengine (warm medians)");
  console.table(engine);
  const ms = (label: string) => engine.find((r) => r.draft === label)!["engine ms"];
  const scaling = +(ms("10 MB") / ms("1 MB")).toFixed(1);
  console.log(`scaling 1 MB → 10 MB: ×${scaling} (linear is ×10)`);

  // The CLI as a user runs it: a whole process, start-up included.
  const folder = mkdtempSync(path.join(os.tmpdir(), "claimlint-bench-"));
  const file = path.join(folder, "draft.md");
  writeFileSync(file, generateDraft(1_000_000, 42));
  const cliRuns = quick ? 2 : 5;
  const cliMs = Math.round(
    medianMs(() => {
      try {
        execFileSync(process.execPath, ["dist/cli.js", "--format", "json", file], { stdio: "ignore" });
      } catch {
        // exit status 1 means findings, which a generated draft has
      }
    }, cliRuns),
  );
  console.log(`\nCLI process on 1 MB: ${cliMs} ms (median of ${cliRuns})`);

  const pathological = measurePathological(quick ? 1 : 3);
  console.log("\npathological inputs, each at two sizes (warm medians; linear is ×4)");
  console.table(pathological);

  const result = { machine, quick, draft: mix, engine, scaling, cliMs, pathological, lsp };
  writeFileSync("bench/latest.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log("\nwritten: bench/latest.json");
}

/** A row whose every number is the median of that number over the rows. */
function medianRow<T extends object>(rows: T[]): T {
  const row = { ...rows[0] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "number") continue;
    const sorted = rows.map((r) => (r as Record<string, number>)[key]!).sort((a, b) => a - b);
    row[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return row as T;
}

void main();
