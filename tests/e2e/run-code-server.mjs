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
// CLAIMLINT_E2E_GREP runs only the matching tests; CLAIMLINT_E2E_TIMEOUT_MS bounds the run
// (default 5 minutes); CLAIMLINT_E2E_KEEP=1 keeps the run folder (logs, profile) for a look;
// CLAIMLINT_E2E_EXTENSION tests another build of the extension (e.g. an unzipped .vsix's
// extension/ folder) instead of the repository.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { ROOT, SUITE_ENTRY, buildSuite } from "./build.mjs";
import { extensionPath, missingBuild, prepareRun, readSuiteResults, verdict, writeResult } from "./lib.mjs";

const RESULT = "e2e-api-code-server.json";
const NOT_RUN_EXIT = 3;
const CHROMIUM = "/usr/bin/chromium";
const CACHE = join(ROOT, ".cache", "code-server", "node_modules");
const CODE_SERVER = join(CACHE, "code-server", "out", "node", "entry.js");
const PLAYWRIGHT = join(CACHE, "playwright-core", "index.mjs");

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

const absent = [CODE_SERVER, PLAYWRIGHT, CHROMIUM].filter((f) => !existsSync(f));
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
const home = join(run.runDir, "home");
// code-server, its extension host and the language server inherit this environment: the
// suite finds where to write its results in it. HOME and XDG folders stay inside the run folder.
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, ".config"),
  XDG_DATA_HOME: join(home, ".local", "share"),
  XDG_CACHE_HOME: join(home, ".cache"),
  CLAIMLINT_E2E_RESULTS: run.resultsFile,
  ...(process.env.CLAIMLINT_E2E_GREP ? { CLAIMLINT_E2E_GREP: process.env.CLAIMLINT_E2E_GREP } : {}),
};

/** @type {import("node:child_process").ChildProcess | undefined} */
let server;
/** @type {{ close(): Promise<void> } | undefined} */
let browser;

/** Ends what this runner started: Chromium, then code-server's process group (extension host, language server). */
async function cleanup() {
  await browser?.close().catch(() => {});
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    await Promise.race([new Promise((r) => server?.once("exit", r)), new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  if (process.env.CLAIMLINT_E2E_KEEP === "1") console.log(`run folder kept: ${run.runDir}`);
  else rmSync(run.runDir, { recursive: true, force: true });
}
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => void cleanup().then(() => process.exit(130)));
}

const timeoutMs = Number(process.env.CLAIMLINT_E2E_TIMEOUT_MS) || 5 * 60_000;
/** @type {number} */
let exitCode;
const logFile = join(run.runDir, "code-server.log");
try {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      CODE_SERVER,
      "--config", join(run.runDir, "config.yaml"),
      "--user-data-dir", run.userData,
      "--extensions-dir", run.extensions,
      "--bind-addr", host,
      "--auth", "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      run.workspace,
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = createWriteStream(logFile);
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForHealth(`http://${host}`, server);

  const { chromium } = await import(pathToFileURL(PLAYWRIGHT).href);
  const context = await chromium.launchPersistentContext(join(run.runDir, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    env,
    // Root in a container: Chromium's sandbox cannot start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  browser = context;
  const page = context.pages()[0] ?? (await context.newPage());

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
    new Promise((r) => server?.once("exit", () => r(-2))),
  ]);
  if (exitCode === -1) console.error(`the extension host did not exit within ${timeoutMs / 1000} s; see ${logFile} (CLAIMLINT_E2E_KEEP=1 keeps it)`);
  if (exitCode === -2) console.error(`code-server exited during the run; see ${logFile}`);
} catch (err) {
  console.error(`code-server run broke: ${err instanceof Error ? err.stack : err}`);
  exitCode = -3;
}

const result = { ...verdict(exitCode, readSuiteResults(run.resultsFile)), runner: "code-server", codeServer: codeServerVersion(), extension };
const where = writeResult(RESULT, result);
await cleanup();
if (result.status === "passed") {
  console.log(`VS Code API suite (code-server) passed: ${result.passes} tests (${where})`);
  process.exit(0);
}
console.error(`VS Code API suite (code-server) FAILED: ${result.reason ?? `${result.failures} failed, ${result.passes} passed`} (${where})`);
process.exit(1);

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} url
 * @param {import("node:child_process").ChildProcess} child
 */
async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited at start (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** code-server's version and the VS Code it serves, e.g. "4.100.3 (VS Code 1.100.3)". */
function codeServerVersion() {
  try {
    const version = (/** @type {string} */ file) => JSON.parse(readFileSync(join(CACHE, "code-server", file), "utf8")).version;
    return `${version("package.json")} (VS Code ${version("lib/vscode/package.json")})`;
  } catch {
    return undefined;
  }
}
