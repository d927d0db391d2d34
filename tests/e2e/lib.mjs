// @ts-check
// What both runners of the VS Code API suite share: the build checks, a throw-away workspace
// and profile for one run (its settings are the browser tests' quiet profile), and the
// result file under test-results/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
// The browser tests' quiet profile; it also keeps VS Code's own Markdown validation out of the
// diagnostics. Its screenshot settings (theme, font, no minimap) change nothing the suite reads.
import { USER_SETTINGS } from "../browser/lib/server.mjs";
import { ROOT } from "./build.mjs";

/**
 * The extension under test: the repository (after `npm run build`), or the folder named by
 * CLAIMLINT_E2E_EXTENSION, e.g. the `extension/` folder of an unzipped claimlint.vsix, to test
 * what ships.
 */
export function extensionPath() {
  return resolve(process.env.CLAIMLINT_E2E_EXTENSION || ROOT);
}

/**
 * The bundles the extension host loads from the development path, missing there.
 * @param {string} extension
 */
export function missingBuild(extension) {
  return ["package.json", "dist/extension.js", "dist/server.js", "dist/cli.js"].filter((f) => !existsSync(join(extension, f))).map((f) => join(extension, f).replace(`${ROOT}/`, ""));
}

/**
 * A run folder in the system temp directory with
 * - workspace/: draft.md (examples/draft.md), archive/never-opened.md (the same text, for
 *   Check Workspace; no test opens it) and .vscode/settings.json (the settings test writes there);
 * - user-data/ with the quiet settings above, and an empty extensions/.
 */
/** @param {string} prefix the temp folder's name prefix */
export function prepareRun(prefix) {
  const runDir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = join(runDir, "workspace");
  const userData = join(runDir, "user-data");
  const extensions = join(runDir, "extensions");
  for (const d of [join(workspace, "archive"), join(workspace, ".vscode"), join(userData, "User"), extensions]) mkdirSync(d, { recursive: true });
  const example = join(ROOT, "examples", "draft.md");
  copyFileSync(example, join(workspace, "draft.md"));
  copyFileSync(example, join(workspace, "archive", "never-opened.md"));
  writeFileSync(join(workspace, ".vscode", "settings.json"), "{}\n");
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  return { runDir, workspace, userData, extensions, resultsFile: join(runDir, "suite-results.json") };
}

/**
 * @typedef {{ passes: number, failures: number, pending: number, tests: { title: string, state: string, durationMs?: number, error?: string }[] }} SuiteResults
 */

/**
 * The suite's own account of the run (written by dist/e2e/suite/index.js), or undefined.
 * @param {string} file
 * @returns {SuiteResults | undefined}
 */
export function readSuiteResults(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Writes test-results/<name> and returns its path relative to the repository.
 * @param {string} name
 * @param {{ status: "passed" | "failed" | "not-run", [key: string]: unknown }} result
 */
export function writeResult(name, result) {
  const file = join(ROOT, "test-results", name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
  return `test-results/${name}`;
}

/**
 * The verdict of a run that happened: passed only when the extension host exited 0 AND the
 * suite reported at least one passing test and no failure (an exit 0 with no report, e.g. a
 * suite that was never loaded, is not a pass).
 * @param {number} exitCode
 * @param {SuiteResults | undefined} suite
 * @returns {{ status: "passed" | "failed", exitCode: number, passes: number, failures: number | undefined, pending: number, tests: SuiteResults["tests"], reason?: string }}
 */
export function verdict(exitCode, suite) {
  const passed = exitCode === 0 && suite !== undefined && suite.failures === 0 && suite.passes > 0;
  return {
    status: passed ? "passed" : "failed",
    exitCode,
    passes: suite?.passes ?? 0,
    failures: suite?.failures ?? (passed ? 0 : undefined),
    pending: suite?.pending ?? 0,
    tests: suite?.tests ?? [],
    ...(suite === undefined ? { reason: "the suite wrote no results: it did not run to the end" } : {}),
  };
}

/**
 * The processes below `pid` (Linux /proc), deepest first: what a runner started and must end.
 * @param {number} pid
 * @returns {number[]}
 */
export function descendants(pid) {
  /** @type {number[]} */
  const out = [];
  /** @param {number} p */
  const walk = (p) => {
    /** @type {number[]} */
    let children = [];
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      // Gone, or not Linux.
    }
    for (const c of children) {
      walk(c);
      out.push(c);
    }
  };
  walk(pid);
  return out;
}
