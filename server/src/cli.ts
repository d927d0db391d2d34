/** The `claimlint` command: the real process handed to `runCli`. */
import "./regexp-compilation";
import { nodeIo } from "./cli/io";
import { runCli } from "./cli/run";

// `claimlint … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), nodeIo()).then(
  (status) => {
    // exitCode, not exit(): a large report on a pipe must be flushed before node ends.
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`claimlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
