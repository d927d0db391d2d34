// @ts-check
// The VS Code API suite (tests/e2e/suite/) in code-server: VS Code's server with its Node
// extension host, driven by a headless Chromium. The same bundle as tests/e2e/run.mjs, for
// machines where no desktop VS Code can be had.
//
// Usage: node tests/e2e/run-code-server.mjs   (after `npm run build`)
//
// How: code-server serves a throw-away workspace; Chromium opens the workbench with a
// `payload` query parameter naming the extension under development and the tests, both as
// vscode-remote:// URIs:
//   ?folder=<workspace>&payload=[["extensionDevelopmentPath","vscode-remote://<host>/<repo>"],
//                                ["extensionTestsPath","vscode-remote://<host>/<repo>/dist/e2e/suite/index.js"]]
// This is how VS Code's own remote integration tests run in a browser (the workbench reads
// `payload` into its environment). The remote (Node) extension host then loads claimlint from
// the repository, calls run() of the suite, and exits with its status; the workbench reports
// that exit to window.codeAutomationExit(code), which this runner exposes to the page.
// code-server's command line has no --extensionDevelopmentPath / --extensionTestsPath options.
//
// What it needs, none of it downloaded here: code-server 4.100.x and playwright-core under
// .cache/code-server/ (see tests/browser/lib/install.mjs), and /usr/bin/chromium. Without them
// it says "VS Code API suite (code-server) NOT RUN", writes {"status": "not-run"} to
// test-results/e2e-api-code-server.json and exits 0 (CLAIMLINT_E2E_REQUIRE=1: exit 3), for the
// same reasons as run.mjs. A run that happens: "passed" (exit 0) only when the extension host
// exited 0 and the suite reported passes and no failure; otherwise "failed", exit 1.
//
// code-server and Chromium are started as for the browser tests, by tests/browser/lib: the
// same isolated environment and quiet profile, code-server in its own process group, ended
// with everything it started when the run ends or is interrupted.
//
// CLAIMLINT_E2E_GREP runs only the matching tests; CLAIMLINT_E2E_TIMEOUT_MS bounds the run
// (default 5 minutes); CLAIMLINT_E2E_KEEP=1 keeps the run folder (logs, profile) for a look;
// CLAIMLINT_E2E_EXTENSION tests another build of the extension (e.g. an unzipped .vsix's
// extension/ folder) instead of the repository.
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { format } from "node:util";
import { ROOT, SUITE_ENTRY, buildSuite } from "./build.mjs";
import { launchBrowser } from "../browser/lib/browser.mjs";
import { onCleanup } from "../browser/lib/cleanup.mjs";
import { CHROMIUM, paths } from "../browser/lib/install.mjs";
import { startCodeServer } from "../browser/lib/server.mjs";
import { descendants, extensionPath, missingBuild, prepareRun, readSuiteResults, verdict, writeResult } from "./lib.mjs";


const RESULT = "e2e-api-code-server.json";
const NOT_RUN_EXIT = 3;
/** @type {{ codeServerBin: string, codeServerPkg: string, playwright: string }} */
const installed = paths(ROOT);

/** @param {string} message */
function fail(message) {
  const where = writeResult(RESULT, { status: "failed", reason: message, runner: "code-server" });
  console.error(`VS Code API suite (code-server) FAILED: ${message} (${where})`);
  process.exit(1);
}

try {
  await buildSuite();
} catch (err) {
  fail(`the suite does not build: ${err instanceof Error ? err.message : err}`);
}

/** @type {string[]} */
const absent = [installed.codeServerBin, installed.playwright, CHROMIUM].filter((f) => !existsSync(f));
if (absent.length > 0) {
  const reason = `not installed: ${absent.map((f) => f.replace(`${ROOT}/`, "")).join(", ")} (code-server and playwright-core are installed by the browser tests, tests/browser/lib/install.mjs)`;
  const where = writeResult(RESULT, { status: "not-run", reason, runner: "code-server" });
  console.log(`\nVS Code API suite (code-server) NOT RUN: ${reason}; ${where} says "not-run"\n`);
  process.exit(process.env.CLAIMLINT_E2E_REQUIRE === "1" ? NOT_RUN_EXIT : 0);
}
const extension = extensionPath();
const missing = missingBuild(extension);
if (missing.length > 0) fail(`${missing.join(", ")} missing; run npm run build first`);

const run = prepareRun("claimlint-vscode-api-cs-");
const keep = process.env.CLAIMLINT_E2E_KEEP === "1";
if (!keep) onCleanup(removeRunDir);

const timeoutMs = Number(process.env.CLAIMLINT_E2E_TIMEOUT_MS) || 5 * 60_000;
/** @type {number} */
let exitCode;
const logFile = join(run.runDir, "code-server.log");
// Ended once the result is written; in an interrupted run, by the exit handlers
// (tests/browser/lib/cleanup.mjs's, removeRunDir, Playwright's).
let server;
let browser;
try {
  server = await startCodeServer({
    codeServerBin: installed.codeServerBin,
    runDir: run.runDir,
    dirs: { userData: run.userData, extensions: run.extensions, config: join(run.runDir, "code-server.yaml") },
    folder: run.workspace,
    logFile,
    // The extension host and the suite inherit code-server's environment: the suite learns
    // from it where to write its results.
    env: {
      CLAIMLINT_E2E_RESULTS: run.resultsFile,
      ...(process.env.CLAIMLINT_E2E_GREP ? { CLAIMLINT_E2E_GREP: process.env.CLAIMLINT_E2E_GREP } : {}),
    },
  });
  const host = new URL(server.url).host;
  const { context, page } = await launchBrowser({ playwrightModule: installed.playwright, runDir: run.runDir });
  browser = context;

  /** @type {(code: number) => void} */
  let exited = () => {};
  const exit = new Promise((resolve) => (exited = resolve));
  // The workbench calls these when it runs extension tests: the extension host's exit status,
  // and its log, which carries what the extension host printed. Mocha's report (the lines in
  // colour) is shown; the workbench's own chatter (connections, the unreachable extension
  // gallery) goes to automation.log, and the page's console to page-console.log, in the run folder.
  const automationLog = createWriteStream(join(run.runDir, "automation.log"));
  await page.exposeFunction("codeAutomationExit", (/** @type {number} */ code) => exited(code));
  await page.exposeFunction("codeAutomationLog", (/** @type {string} */ level, /** @type {unknown} */ args) => {
    // The arguments of one console call, format string first.
    const text = format(...(Array.isArray(args) ? args : [args]));
    automationLog.write(`${level}\t${text}\n`);
    if (text.includes("\u001b[")) console.log(text);
  });
  const pageLog = createWriteStream(join(run.runDir, "page-console.log"));
  page.on("console", (/** @type {{ type(): string, text(): string }} */ message) => {
    pageLog.write(`${message.type()}\t${JSON.stringify(message.text())}\n`);
  });
  page.on("pageerror", (/** @type {Error} */ err) => console.error(`page error: ${err.message}`));

  const remote = (/** @type {string} */ path) => `vscode-remote://${host}${path}`;
  const payload = [
    ["extensionDevelopmentPath", remote(extension)],
    ["extensionTestsPath", remote(SUITE_ENTRY)],
    ["skipWelcome", "true"],
  ];
  const url = `http://${host}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`code-server ${host}: running dist/e2e/suite in its extension host`);
  await page.goto(url);
  exitCode = await Promise.race([
    exit,
    new Promise((r) => setTimeout(() => r(-1), timeoutMs)),
    server.exit.then(() => -2),
  ]);
  if (exitCode === -1) console.error(`the extension host did not exit within ${timeoutMs / 1000} s; see ${logFile} (CLAIMLINT_E2E_KEEP=1 keeps it)`);
  if (exitCode === -2) console.error(`code-server exited during the run; see ${logFile}`);
} catch (err) {
  console.error(`code-server run broke: ${err instanceof Error ? err.stack : err}`);
  exitCode = -3;
}

const result = { ...verdict(exitCode, readSuiteResults(run.resultsFile)), runner: "code-server", codeServer: codeServerVersion(), extension };
const where = writeResult(RESULT, result);
await browser?.close().catch(() => {});
await server?.stop();
if (keep) console.log(`run folder kept: ${run.runDir}`);
if (result.status === "passed") {
  console.log(`VS Code API suite (code-server) passed: ${result.passes} tests (${where})`);
  process.exit(0);
}
console.error(`VS Code API suite (code-server) FAILED: ${result.reason ?? `${result.failures} failed, ${result.passes} passed`} (${where})`);
process.exit(1);

/** code-server's version and the VS Code it serves, e.g. "4.100.3 (VS Code 1.100.3)". */
function codeServerVersion() {
  try {
    const version = (/** @type {string} */ file) => JSON.parse(readFileSync(join(dirname(installed.codeServerPkg), file), "utf8")).version;
    return `${version("package.json")} (VS Code ${version("lib/vscode/package.json")})`;
  } catch {
    return undefined;
  }
}

/**
 * Removes the run folder on exit, Ctrl+C included. On Ctrl+C this runs before Playwright's own
 * exit handler ends Chromium, and Chromium, like code-server's extension host, writes into the
 * folder while it lives: so end the process groups this runner started (code-server's,
 * Chromium's) first, and try again while they die.
 */
function removeRunDir() {
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Leads no process group, or already gone.
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(run.runDir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (attempt === 20) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}
