/** Which drafts the command line names, and how their bytes become text. */
import * as path from "node:path";
import type { CliIo } from "./io";

/** One draft to check: `file` is what reports show, `absolutePath` what is read. */
export type DraftInput = { file: "-"; stdin: true } | { file: string; stdin: false; absolutePath: string };

const MARKDOWN = /\.(md|markdown)$/i;

/** Folders a walk never enters: dependencies, and dot-folders such as .git. */
function skipsFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/**
 * The drafts behind the command line's arguments, in argument order; a folder contributes
 * its Markdown files in sorted order (by UTF-16 code units, so the order does not depend
 * on the locale). A draft reached twice is checked once. A missing argument is passed to
 * `problem` and left out.
 */
export function collectDrafts(inputs: readonly string[], io: CliIo, problem: (message: string) => void): DraftInput[] {
  const drafts: DraftInput[] = [];
  const seen = new Set<string>();
  const add = (draft: DraftInput) => {
    const key = draft.stdin ? "-" : draft.absolutePath;
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push(draft);
  };
  const walk = (shown: string, absolute: string) => {
    let entries;
    try {
      entries = io.readdir(absolute);
    } catch (e) {
      return problem(`cannot read the folder ${shown}: ${describeError(e)}`);
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const childShown = path.join(shown, entry.name);
      const childAbsolute = path.join(absolute, entry.name);
      if (entry.kind === "directory" && !skipsFolder(entry.name)) walk(childShown, childAbsolute);
      else if (entry.kind === "file" && MARKDOWN.test(entry.name)) add({ file: childShown, stdin: false, absolutePath: childAbsolute });
    }
  };
  for (const input of inputs) {
    if (input === "-") {
      add({ file: "-", stdin: true });
      continue;
    }
    const absolute = path.resolve(io.cwd, input);
    let kind;
    try {
      kind = io.kind(absolute);
    } catch (e) {
      problem(`cannot read ${input}: ${describeError(e)}`);
      continue;
    }
    if (kind === undefined) problem(`cannot read ${input}: no such file or folder`);
    // A file named explicitly is checked whatever its extension: the user asked for it.
    else if (kind === "directory") walk(input, absolute);
    else add({ file: input, stdin: false, absolutePath: absolute });
  }
  return drafts;
}

/**
 * The text of a draft's bytes, or why it is not a Markdown draft. A leading byte order
 * mark is dropped, as editors do, so offsets match the editor's.
 */
export function decodeDraft(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.includes(0)) return { error: "contains NUL bytes; not a text file" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "is not valid UTF-8 text" };
  }
}

/** A short reason for a file system error. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return e instanceof Error ? e.message : String(e);
}
