/**
 * The whole command, in-process: arguments and an I/O object in, exit status out. The
 * entry script hands in the real process; tests hand in memory and a fake checker.
 */
import * as path from "node:path";
import { version } from "../../../package.json";
import { createChecker } from "../core/checker";
import { HELP_TEXT, parseCliArgs } from "./args";
import { createCheckerCache, type MakeChecker } from "./checkers";
import { collectDrafts, decodeDraft, describeError, type DraftInput } from "./files";
import { formatCsv } from "./format-csv";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatSheet } from "./format-sheet";
import { formatText } from "./format-text";
import type { CliIo } from "./io";
import { hasBlocking, toClaimsResult, toFileResult, type FileResult } from "./results";

/**
 * The most of one draft the CLI reads. A draft is read whole, so that the engine's notice on
 * a draft over `maxDraftSize` counts all of it; past this, a file is no draft (a dump, a
 * disk image) and is reported unchecked rather than held in memory. It is more than
 * `maxDraftSize` can ask for, and its text always fits in one JavaScript string.
 */
export const MAX_DRAFT_BYTES = 256 * 1024 * 1024;

/** The version printed by `--version` and written into SARIF. */
export const CLAIMLINT_VERSION: string = version;

/**
 * Runs `claimlint` with `argv` (the arguments after the script name) and returns the exit
 * status: 0 nothing at warning or above, 1 findings at warning or above, 2 a usage or
 * input error. Input errors (a bad configuration included) do not stop the other drafts
 * from being checked, and win over findings. Nothing is ever written to a file.
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
  // A problem with a file is `path: reason` or `path:line:column: reason`, as compilers print
  // them, so editors and terminals jump to the place.
  const problem = (message: string) => {
    inputError = true;
    io.stderr(`${message}\n`);
  };
  const checkers = createCheckerCache(io, makeChecker, problem, request.sources);
  // A configuration named on the command line applies to every draft. Its problems are
  // reported like any other, and what it got right still applies.
  const explicit = request.config === undefined ? undefined : checkers.forConfig(path.resolve(io.cwd, request.config));

  const sheet = request.format === "sheet" || request.format === "csv";
  const results: FileResult[] = [];
  for (const draft of collectDrafts(request.inputs, io, problem)) {
    const name = draft.stdin ? "standard input" : draft.file;
    let bytes: Uint8Array;
    try {
      bytes = draft.stdin ? await io.readStdin(MAX_DRAFT_BYTES) : io.readFile(draft.absolutePath, MAX_DRAFT_BYTES);
    } catch (e) {
      const tooLarge = (e as NodeJS.ErrnoException).code === "EFBIG";
      problem(`${name}: not checked: ${tooLarge ? `the draft is larger than ${MAX_DRAFT_BYTES / (1024 * 1024)} MB; claimlint reads no draft larger than that` : describeError(e)}`);
      results.push(unchecked(draft.file));
      continue;
    }
    const decoded = decodeDraft(bytes);
    if ("error" in decoded) {
      problem(`${name}:${decoded.line}:${decoded.column}: not checked: the draft ${decoded.error}`);
      results.push(unchecked(draft.file));
      continue;
    }
    const checker = explicit ?? checkers.forFolder(folderOf(draft, io.cwd));
    try {
      const text = decoded.text;
      results.push(sheet ? toClaimsResult(draft.file, text, checker.claims(text), checker.sizeNotice(text)) : toFileResult(draft.file, text, checker.check(text)));
    } catch (e) {
      // An engine failure on one draft should not hide the findings in the others.
      problem(`${name}: internal error while checking: ${e instanceof Error ? e.message : String(e)}`);
      results.push(unchecked(draft.file));
    }
  }

  if (request.format === "json") io.stdout(formatJson(results));
  else if (request.format === "sarif") io.stdout(formatSarif(results, { cwd: io.cwd, version: CLAIMLINT_VERSION }));
  else if (request.format === "sheet") io.stdout(formatSheet(results));
  else if (request.format === "csv") io.stdout(formatCsv(results));
  else io.stdout(formatText(results));

  if (inputError) return 2;
  return results.some(hasBlocking) ? 1 : 0;
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
  return { file, diagnostics: [], checked: false };
}
