// @ts-check
// Bundles the VS Code API suite into dist/e2e/suite/: index.js (what --extensionTestsPath
// names) and one file per *.e2e.ts, which index.js hands to mocha. `vscode` is provided by
// the extension host and `mocha` is loaded from node_modules, so both stay external.
// Run directly (`node tests/e2e/build.mjs`) or imported by the runners.
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SUITE_OUT = join(ROOT, "dist", "e2e", "suite");
/** What --extensionTestsPath names: exports run(). */
export const SUITE_ENTRY = join(SUITE_OUT, "index.js");

export async function buildSuite() {
  const dir = join(ROOT, "tests", "e2e", "suite");
  const entryPoints = ["index.ts", ...readdirSync(dir).filter((f) => f.endsWith(".e2e.ts"))].map((f) => join(dir, f));
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: "node",
    // VS Code 1.91 (the manifest's minimum) runs extensions on Electron 29's Node 20.9.
    target: "node20",
    format: "cjs",
    sourcemap: true,
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });
  return SUITE_ENTRY;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildSuite();
  console.log(`VS Code API suite bundled into ${SUITE_OUT}`);
}
