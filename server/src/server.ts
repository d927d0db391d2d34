/**
 * `claimlint-language-server`: the language server for any editor that speaks LSP.
 * Transport from the command line, as vscode-languageserver reads it: `--stdio` (Neovim,
 * Emacs, Helix, and the VS Code extension), `--node-ipc` or `--socket=PORT`.
 */
import "./regexp-compilation";
import { format } from "node:util";
import { setFlagsFromString } from "node:v8";
import { createConnection, ProposedFeatures, StreamMessageWriter } from "vscode-languageserver/node";
import { version } from "../../package.json";
import { diagnosticsEncoder, MessageParts } from "./lsp/diagnostic-list";
import { Reframer } from "./lsp/framing";
import { startServer } from "./lsp/start";

const args = process.argv.slice(2);
/** How many diagnostic messages' encoded parts are kept before the older ones are let go. */
const MESSAGE_PARTS = 10_000;
if (args.includes("--version") || args.includes("-v")) {
  process.stdout.write(`${version}\n`);
} else if (!args.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe") || a.startsWith("--clientProcessId"))) {
  process.stderr.write("usage: claimlint-language-server --stdio | --node-ipc | --socket=PORT\n");
  process.exitCode = 2;
} else {
  // The server lives as long as the editor and holds the open drafts. By default V8 lets its
  // heap grow to about twice what is live before collecting; every keystroke leaves garbage
  // (the diagnostics sent, the findings moved), so a 10 MB draft kept about 300 MB resident.
  // Growing by a tenth keeps it near 200 MB, and keystrokes are no slower.
  setFlagsFromString("--heap-growing-percent=10");
  // The young generation stays at its first size: grown to its default 32 MB it was a fifth
  // of the resident size with a 10 MB draft open, and kept small it costs such a draft's
  // keystroke about 4 ms.
  setFlagsFromString("--semi-space-growth-factor=1");
  // Over stdio the client's bytes are framed again before the library reads them, so that a
  // broken header costs one message, not every message after it (see framing.ts).
  const input = args.includes("--stdio") ? process.stdin.pipe(new Reframer((bytes, why) => connection.console.error(`skipped ${bytes} bytes of input: ${why}`))) : undefined;
  // Messages are written with claimlint's own encoder, which writes a long draft's
  // diagnostics without building them as objects first (see diagnostic-list.ts). The library
  // takes a writer where it takes an output stream; the input stays a stream, as the library
  // ends the server when that stream ends (with code 1 unless a shutdown was asked).
  const output = input && new StreamMessageWriter(process.stdout, { contentTypeEncoder: diagnosticsEncoder(new MessageParts(MESSAGE_PARTS)) });
  const connection = input ? createConnection(ProposedFeatures.all, input, output as unknown as NodeJS.WritableStream) : createConnection(ProposedFeatures.all);
  if (input) {
    // Handed its streams, the library leaves the console as it is; anything printed would
    // land among the messages on stdout, so it goes to the editor's log instead.
    console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
  }
  // A bug in one message must not take the editor's checking down with it.
  process.on("uncaughtException", (error) => connection.console.error(`unexpected error: ${error.stack ?? error.message}`));
  startServer(connection);
}
