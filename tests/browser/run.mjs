#!/usr/bin/env node
/**
 * End-to-end tests of the claimlint extension in a real VS Code (code-server) driven in
 * Chromium. `npm run test:e2e`; see tests/browser/README.md.
 *
 *   node tests/browser/run.mjs [--screenshots] [--only name,name] [--keep]
 *
 *   --screenshots  also copy the docs screenshots (problems, hover, claims sheet, quick fix) into docs/screenshots/
 *   --only         run only the named scenarios (problems, hover, add-attribution, …)
 *   --keep         keep the temp folder (workspace, profile, logs) and print where it is
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./lib/browser.mjs";
import { onCleanup } from "./lib/cleanup.mjs";
import { ScenarioContext } from "./lib/context.mjs";
import { CODE_SERVER_VERSION, ensureInstalled, paths } from "./lib/install.mjs";
import { prepareProfile, startCodeServer } from "./lib/server.mjs";
import { Workbench } from "./lib/workbench.mjs";
import { TestWorkspace } from "./lib/workspace.mjs";
import { scenarios as allScenarios } from "./scenarios/index.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const RESULTS = join(ROOT, "test-results");
const DOC_SHOTS = join(ROOT, "docs", "screenshots");

const args = parseArgs(process.argv.slice(2));
const log = (msg) => console.log(`[e2e] ${msg}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  // 1. The one-time install (code-server, playwright-core, Debian packages).
  let t = Date.now();
  const installed = ensureInstalled(ROOT, (m) => log(`install: ${m}`));
  const installTime = Date.now() - t;
  log(installed ? `installed code-server ${CODE_SERVER_VERSION} and friends in ${seconds(installTime)}` : `code-server ${CODE_SERVER_VERSION} already installed`);

  // 2. The extension as users get it: the packaged .vsix.
  const runStart = Date.now();
  t = Date.now();
  run("npm", ["run", "--silent", "package"]);
  log(`packaged claimlint.vsix in ${seconds(Date.now() - t)}`);

  const p = paths(ROOT);
  const runDir = mkdtempSync(join(tmpdir(), "claimlint-e2e-"));
  if (!args.keep) onCleanup(() => rmSync(runDir, { recursive: true, force: true }));
  for (const f of existsSync(RESULTS) ? readdirSync(RESULTS) : []) if (/^\d\d-.*\.png$|^code-server/.test(f)) rmSync(join(RESULTS, f), { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  const workspace = new TestWorkspace(ROOT, runDir).create();
  const dirs = prepareProfile({ codeServerBin: p.codeServerBin, runDir, vsix: join(ROOT, "claimlint.vsix") });

  // 3. code-server on a free local port, and Chromium on it.
  t = Date.now();
  const server = await startCodeServer({ codeServerBin: p.codeServerBin, runDir, dirs, folder: workspace.dir, logFile: join(runDir, "code-server.log") });
  const { context, page } = await launchBrowser({ playwrightModule: p.playwright, runDir });
  const results = [];
  try {
    await page.goto(server.url);
    const wb = new Workbench(page);
    await wb.ready();
    // More room for the editor and the Problems panel's messages.
    await wb.runCommand("View: Close Primary Side Bar");
    log(`code-server ${server.url} and the workbench up in ${seconds(Date.now() - t)}`);

    // 4. The scenarios, each on its own: a failure is recorded and the next one still runs.
    const ctx = new ScenarioContext({ wb, workspace, resultsDir: RESULTS });
    const chosen = args.only ? allScenarios.filter((s) => args.only.includes(s.name)) : allScenarios;
    if (args.only && chosen.length !== args.only.length) throw new Error(`unknown scenario in --only; known: ${allScenarios.map((s) => s.name).join(", ")}`);
    for (const scenario of chosen) {
      ctx.scenario = scenario.name;
      const started = Date.now();
      log(`▶ ${scenario.name}: ${scenario.title}`);
      try {
        await scenario.run(ctx);
        results.push({ scenario, ok: true, ms: Date.now() - started });
      } catch (err) {
        results.push({ scenario, ok: false, ms: Date.now() - started, error: err });
        const shot = await ctx.shot("failure").catch(() => undefined);
        console.error(`✗ ${scenario.name}: ${err.message}${shot ? `\n  screenshot: ${relative(ROOT, shot)}` : ""}`);
        await wb.dismissWidgets().catch(() => {});
      }
    }

    if (args.screenshots) copyDocShots(ctx.docShots, results);
  } finally {
    await context.close().catch(() => {});
    await server.stop();
    // The server's and VS Code's logs, for the failures' sake.
    copyFileSync(join(runDir, "code-server.log"), join(RESULTS, "code-server.log"));
    if (existsSync(join(dirs.userData, "logs"))) cpSync(join(dirs.userData, "logs"), join(RESULTS, "code-server-logs"), { recursive: true });
    if (args.keep) log(`kept ${runDir}`);
  }

  printSummary(results);
  log(`install ${installed ? seconds(installTime) : "skipped (cached)"}; e2e run ${seconds(Date.now() - runStart)}`);
  return results.every((r) => r.ok) && results.length > 0;
}

/** Copies the screenshots tagged for the docs, only from scenarios that passed. */
function copyDocShots(shots, results) {
  const passed = new Set(results.filter((r) => r.ok).map((r) => r.scenario.name));
  mkdirSync(DOC_SHOTS, { recursive: true });
  for (const { file, doc, scenario } of shots) {
    if (!passed.has(scenario)) {
      log(`not copying ${doc}: ${scenario} failed`);
      continue;
    }
    copyFileSync(file, join(DOC_SHOTS, doc));
    log(`docs/screenshots/${doc} ← ${relative(ROOT, file)}`);
  }
}

function printSummary(results) {
  const width = Math.max(...results.map((r) => r.scenario.name.length), 8);
  console.log(`\n${"scenario".padEnd(width)}  result  time`);
  console.log(`${"-".repeat(width)}  ------  ------`);
  for (const r of results) console.log(`${r.scenario.name.padEnd(width)}  ${r.ok ? "pass  " : "FAIL  "}  ${seconds(r.ms).padStart(6)}`);
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  for (const r of failed) console.log(`\n✗ ${r.scenario.name} (${r.scenario.title}):\n  ${r.error.message.replace(/\n/g, "\n  ")}`);
}

function parseArgs(argv) {
  const out = { screenshots: false, keep: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--screenshots") out.screenshots = true;
    else if (a === "--keep") out.keep = true;
    else if (a === "--only") out.only = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a.startsWith("--only=")) out.only = a.slice(7).split(",").filter(Boolean);
    else {
      console.error(`unknown argument ${a}\nusage: node tests/browser/run.mjs [--screenshots] [--only name,name] [--keep]`);
      process.exit(2);
    }
  }
  return out;
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed (exit ${r.status})`);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(`[e2e] ${err.stack ?? err}`);
    process.exit(1);
  },
);
