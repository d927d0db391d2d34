/**
 * The entry VS Code's extension host calls (`--extensionTestsPath`): runs the *.e2e.js files
 * bundled beside it with mocha (TDD interface, as VS Code's own extension tests), and, when
 * CLAIMLINT_E2E_RESULTS names a file, writes the counts and each test's outcome there for the
 * runner. Rejects when a test failed, which makes the extension host exit non-zero.
 */
import { readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

/**
 * Order matters in one editor session: checking the workspace puts diagnostics on every
 * draft, so it runs last, after the tests that watch diagnostics arrive on opening.
 */
const ORDER = ["activation", "diagnostics", "hover", "code-actions", "settings", "check-workspace"];

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: { title: string; state: "passed" | "failed" | "pending"; durationMs?: number; error?: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", color: true, timeout: 90_000, reporter: "spec" });
  const grep = process.env.CLAIMLINT_E2E_GREP;
  if (grep) mocha.grep(grep);
  const rank = (file: string) => {
    const i = ORDER.indexOf(file.replace(/\.e2e\.js$/, ""));
    return i < 0 ? ORDER.length : i;
  };
  const files = readdirSync(__dirname).filter((f) => f.endsWith(".e2e.js"));
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.CLAIMLINT_E2E_RESULTS;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
      if (files.length === 0) reject(new Error(`no *.e2e.js test files beside ${__filename}`));
      else if (failures > 0) reject(new Error(`${failures} VS Code API test(s) failed`));
      else resolve();
    });
    runner.on("pass", (t) => {
      results.passes++;
      results.tests.push({ title: t.fullTitle(), state: "passed", durationMs: t.duration });
    });
    runner.on("fail", (t, err: Error) => {
      results.failures++;
      results.tests.push({ title: t.fullTitle(), state: "failed", error: err?.stack ?? String(err) });
    });
    runner.on("pending", (t) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: "pending" });
    });
  });
}
