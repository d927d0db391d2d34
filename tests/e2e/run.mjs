// @ts-check
// The VS Code API suite (tests/e2e/suite/) in a real VS Code, through @vscode/test-electron.
//
// Usage: CLAIMLINT_VSCODE_EXECUTABLE=/path/to/code node tests/e2e/run.mjs   (after `npm run build`)
//
// VS Code cannot be downloaded on the machines this project is built on, so this runner never
// downloads one: it runs only an existing build named by CLAIMLINT_VSCODE_EXECUTABLE (the
// `code` binary of a VS Code or VS Code Insiders install, or an unpacked archive's executable).
//
// Exit status, and why "not run" is not a failure:
// - Without a VS Code to run, the suite cannot say anything about the extension, good or bad.
//   Failing would turn CI red on every machine without VS Code for a reason that is no fault of
//   the code; passing would claim a check that never happened. So the runner exits 0 but says
//   "VS Code API suite NOT RUN" on its own line, and writes test-results/e2e-api.json with
//   {"status": "not-run", "reason": …}: anything that reports results must read the status, and
//   "not-run" never counts as passed. Where a VS Code is known to be present, set
//   CLAIMLINT_E2E_REQUIRE=1 and "not run" becomes exit 3.
// - When it runs: status "passed" (exit 0) only if VS Code exited 0 and the suite itself reported
//   at least one passing test and no failure; otherwise "failed" with the counts, exit 1.
// - The suite's own bundle is built first on every path (exit 1 if it does not compile), so a
//   machine without VS Code still checks that the tests build.
//
// Other variables: CLAIMLINT_E2E_GREP (run only the matching tests), CLAIMLINT_E2E_TIMEOUT_MS
// (the whole run; default 10 minutes, after which VS Code is ended and the run fails),
// CLAIMLINT_E2E_EXTENSION (test another build of the extension, e.g. an unzipped .vsix's
// extension/ folder, instead of the repository).
import { existsSync, rmSync, statSync } from "node:fs";
import { buildSuite } from "./build.mjs";
import { descendants, extensionPath, missingBuild, prepareRun, readSuiteResults, verdict, writeResult } from "./lib.mjs";

const RESULT = "e2e-api.json";
const NOT_RUN_EXIT = 3;

const executable = process.env.CLAIMLINT_VSCODE_EXECUTABLE;

let extensionTestsPath;
try {
  extensionTestsPath = await buildSuite();
} catch (err) {
  const where = writeResult(RESULT, { status: "failed", reason: `the suite does not build: ${err instanceof Error ? err.message : err}` });
  console.error(`VS Code API suite FAILED: the suite does not build (${where})`);
  process.exit(1);
}

if (!executable || !existsSync(executable) || !statSync(executable).isFile()) {
  const reason = !executable
    ? "CLAIMLINT_VSCODE_EXECUTABLE is not set, and VS Code cannot be downloaded on this machine"
    : `CLAIMLINT_VSCODE_EXECUTABLE names no file: ${executable}`;
  const where = writeResult(RESULT, { status: "not-run", reason });
  console.log("");
  console.log("VS Code API suite NOT RUN: set CLAIMLINT_VSCODE_EXECUTABLE to a VS Code executable (VS Code cannot be downloaded on this machine)");
  console.log(`  (${reason}; the suite was built into dist/e2e/ but nothing was tested; ${where} says "not-run")`);
  console.log("");
  process.exit(process.env.CLAIMLINT_E2E_REQUIRE === "1" ? NOT_RUN_EXIT : 0);
}

const extension = extensionPath();
const missing = missingBuild(extension);
if (missing.length > 0) {
  const where = writeResult(RESULT, { status: "failed", reason: `not built: ${missing.join(", ")}; run npm run build first` });
  console.error(`VS Code API suite FAILED: ${missing.join(", ")} missing; run npm run build first (${where})`);
  process.exit(1);
}

const { runTests } = await import("@vscode/test-electron");
const run = prepareRun("claimlint-vscode-api-");
const timeoutMs = Number(process.env.CLAIMLINT_E2E_TIMEOUT_MS) || 10 * 60_000;
const watchdog = setTimeout(() => {
  // runTests keeps its VS Code process to itself: end what this runner started, by pid.
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  const where = writeResult(RESULT, { status: "failed", reason: `timed out after ${timeoutMs / 1000} s`, executable });
  console.error(`VS Code API suite FAILED: timed out after ${timeoutMs / 1000} s (${where})`);
  process.exit(1);
}, timeoutMs);

let exitCode;
try {
  exitCode = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: extension,
    extensionTestsPath,
    extensionTestsEnv: {
      CLAIMLINT_E2E_RESULTS: run.resultsFile,
      ...(process.env.CLAIMLINT_E2E_GREP ? { CLAIMLINT_E2E_GREP: process.env.CLAIMLINT_E2E_GREP } : {}),
    },
    // The workspace first (VS Code opens it); a throw-away profile; no other extension.
    launchArgs: [run.workspace, "--user-data-dir", run.userData, "--extensions-dir", run.extensions, "--disable-extensions"],
  });
} catch (err) {
  // TestRunFailedError: VS Code exited non-zero (a failed test rejects run()), or did not start.
  const failure = /** @type {{ code?: unknown, message?: string } | undefined} */ (err);
  exitCode = typeof failure?.code === "number" ? failure.code : -1;
  if (exitCode === -1) console.error(`VS Code did not run the suite: ${failure?.message ?? err}`);
}
clearTimeout(watchdog);

const result = { ...verdict(exitCode, readSuiteResults(run.resultsFile)), runner: "@vscode/test-electron", executable, extension };
const where = writeResult(RESULT, result);
rmSync(run.runDir, { recursive: true, force: true });
if (result.status === "passed") {
  console.log(`VS Code API suite passed: ${result.passes} tests (${where})`);
  process.exit(0);
}
console.error(`VS Code API suite FAILED: ${result.reason ?? `${result.failures} failed, ${result.passes} passed`} (${where})`);
process.exit(1);
