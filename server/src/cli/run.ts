/**
 * The whole command, in-process: arguments and an I/O object in, exit status out. The
 * entry script hands in the real process; tests hand in memory and a fake checker.
 */
import * as path from "node:path";
import { version } from "../../../package.json";
import { createChecker, type Checker } from "../core/checker";
import { HELP_TEXT, parseCliArgs } from "./args";
import { createCheckerCache, type MakeChecker } from "./checkers";
import { collectDrafts, decodeDraft, describeError, type DraftInput } from "./files";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import type { CliIo } from "./io";
import { isBlocking, toFileResult, type FileResult } from "./results";

/** The version printed by `--version` and written into SARIF. */
export const CLAIMLINT_VERSION: string = version;

/**
 * Runs `claimlint` with `argv` (the arguments after the script name) and returns the exit
 * status: 0 nothing at warning or above, 1 findings at warning or above, 2 a usage or
 * input error. Input errors do not stop the other drafts from being checked, and win
 * over findings. Nothing is ever written to a file.
 */
export async function runCli(argv: string[], io: CliIo, makeChecker: MakeChecker = createChecker): Promise<number> {
  const request = parseCliArgs(argv);
  if (request.kind === "usage-error") {
    io.stderr(`claimlint: ${request.message}\nTry 'claimlint --help'.\n`);
    return 2;
  }
  if (request.kind !== "check") {
    io.stdout(request.kind === "help" ? HELP_TEXT : `${CLAIMLINT_VERSION}\n`);
    return 0;
  }

  let inputError = false;
  const problem = (message: string) => {
    inputError = true;
    io.stderr(`claimlint: ${message}\n`);
  };
  const checkers = createCheckerCache(io, makeChecker, problem);
  let explicit: Checker | undefined;
  if (request.config !== undefined) {
    const configured = checkers.forConfig(path.resolve(io.cwd, request.config));
    // A configuration the user named but that cannot be read or parsed: checking with the
    // defaults instead would pass off a different policy as theirs.
    if (!configured.parsed) return 2;
    explicit = configured.checker;
  }

  const results: FileResult[] = [];
  for (const draft of collectDrafts(request.inputs, io, problem)) {
    const name = draft.stdin ? "standard input" : draft.file;
    let bytes: Uint8Array;
    try {
      bytes = draft.stdin ? await io.readStdin() : io.readFile(draft.absolutePath);
    } catch (e) {
      problem(`cannot read ${name}: ${describeError(e)}`);
      results.push(unchecked(draft.file));
      continue;
    }
    const decoded = decodeDraft(bytes);
    if ("error" in decoded) {
      problem(`${name} ${decoded.error}; skipped`);
      results.push(unchecked(draft.file));
      continue;
    }
    const checker = explicit ?? checkers.forFolder(folderOf(draft, io.cwd));
    try {
      results.push(toFileResult(draft.file, decoded.text, checker.check(decoded.text)));
    } catch (e) {
      // An engine failure on one draft should not hide the findings in the others.
      problem(`internal error while checking ${name}: ${e instanceof Error ? e.message : String(e)}`);
      results.push(unchecked(draft.file));
    }
  }

  if (request.format === "json") io.stdout(formatJson(results));
  else if (request.format === "sarif") io.stdout(formatSarif(results, { cwd: io.cwd, version: CLAIMLINT_VERSION }));
  else io.stdout(formatText(results));

  if (inputError) return 2;
  return results.some((r) => r.diagnostics.some(isBlocking)) ? 1 : 0;
}

/** Where a draft's configuration search starts: its folder, or the working directory for stdin. */
function folderOf(draft: DraftInput, cwd: string): string {
  return draft.stdin ? cwd : path.dirname(draft.absolutePath);
}

/**
 * A named file that could not be checked still appears (spec section 7: every file named
 * appears), with no diagnostics; standard error and exit status 2 say why.
 */
function unchecked(file: string): FileResult {
  return { file, diagnostics: [] };
}
