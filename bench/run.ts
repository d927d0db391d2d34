/**
 * `npm run bench`: the engine against markdown-it and markdownlint, the CLI as a process, and
 * the language server over stdio, on the same seeded drafts. Prints tables and writes
 * bench/latest.json; docs/performance.md records the figures with the machine they ran on.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureEngine, medianMs } from "./engine";
import { generateDraft } from "./generate";
import { measureServer } from "./lsp";

const quick = process.argv.includes("--quick");

async function main() {
  const engine = measureEngine([
    ["100 KB", 100_000, 9],
    ["1 MB", 1_000_000, 5],
    ["10 MB", 10_000_000, 3],
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
  const cliMs = Math.round(
    medianMs(() => {
      try {
        execFileSync(process.execPath, ["dist/cli.js", "--format", "json", file], { stdio: "ignore" });
      } catch {
        // exit status 1 means findings, which a generated draft has
      }
    }, 5),
  );
  console.log(`\nCLI process on 1 MB: ${cliMs} ms (median of 5)`);

  const server = path.resolve("dist/server.js");
  const lsp = [];
  for (const [label, bytes] of [["100 KB", 100_000], ["1 MB", 1_000_000], ["10 MB", 10_000_000]] as const)
    lsp.push(await measureServer(server, label, bytes, quick ? 20 : 200, quick ? 10_000 : 120_000));
  console.log("\nlanguage server over stdio");
  console.table(lsp);

  const result = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, engine, scaling, cliMs, lsp };
  writeFileSync("bench/latest.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log("\nwritten: bench/latest.json");
}

void main();
