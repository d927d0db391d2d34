// Bundles every entry of claimlint into dist/: the CLI, the language server, the VS Code
// client, and the claims sheet's page (its script and stylesheet, in dist/webview/, the one
// folder the page may load from). `--watch` rebuilds on change; `--production` minifies and writes no source maps.
// First it regenerates the weapon-name grammar, so the editor's colouring follows the reference.
import * as esbuild from "esbuild";
import { chmodSync, existsSync } from "node:fs";
import { writeWeaponGrammar } from "./scripts/weapon-grammar.mjs";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

if (writeWeaponGrammar()) console.log("syntaxes/claimlint-weapons.tmLanguage.json regenerated from the reference");

/** Each entry: source file, output file, and whether it is run directly as a command. */
const entries = [
  { in: "server/src/cli.ts", out: "dist/cli.js", executable: true },
  { in: "server/src/server.ts", out: "dist/server.js", executable: true },
  { in: "client/src/extension.ts", out: "dist/extension.js", executable: false, external: ["vscode"] },
  { in: "client/webview/claims-sheet.ts", out: "dist/webview/claims-sheet.js", executable: false, browser: true },
  { in: "client/webview/claims-sheet.css", out: "dist/webview/claims-sheet.css", executable: false, browser: true },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      // The page runs in the webview's Chromium, the rest in Node.
      platform: e.browser ? "browser" : "node",
      target: e.browser ? "chrome120" : "node20",
      format: e.browser ? "iife" : "cjs",
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      banner: e.executable ? { js: "#!/usr/bin/env node" } : undefined,
      logLevel: "warning",
      plugins: [{ name: "chmod", setup: (b) => b.onEnd((r) => { if (!r.errors.length && e.executable) chmodSync(e.out, 0o755); }) }],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.length} entries`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
