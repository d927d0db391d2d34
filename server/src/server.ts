/**
 * `claimlint-language-server`: the language server for any editor that speaks LSP.
 * Transport from the command line, as vscode-languageserver reads it: `--stdio` (Neovim,
 * Emacs, Helix), `--node-ipc` (the VS Code extension) or `--socket=PORT`.
 */
import "./regexp-compilation";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { version } from "../../package.json";
import { startServer } from "./lsp/start";

const args = process.argv.slice(2);
if (args.includes("--version") || args.includes("-v")) {
  process.stdout.write(`${version}\n`);
} else if (!args.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe") || a.startsWith("--clientProcessId"))) {
  process.stderr.write("usage: claimlint-language-server --stdio | --node-ipc | --socket=PORT\n");
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A bug in one message must not take the editor's checking down with it.
  process.on("uncaughtException", (error) => connection.console.error(`unexpected error: ${error.stack ?? error.message}`));
  startServer(connection);
}
