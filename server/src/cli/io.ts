/**
 * Everything the CLI needs from the outside world, as one object: `runCli` takes it as a
 * parameter, so tests run the whole command in-process on an in-memory file system.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** What a directory entry is; symbolic links report what they point to. */
export type EntryKind = "file" | "directory" | "other";

export interface CliIo {
  /** The working directory; relative paths on the command line resolve against it. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** A file's bytes; throws (with a node error code where there is one) when unreadable. */
  readFile(absolutePath: string): Uint8Array;
  /** What is at the path, or undefined when nothing is. */
  kind(absolutePath: string): EntryKind | undefined;
  /** A directory's entries: names and kinds. */
  readdir(absolutePath: string): { name: string; kind: EntryKind }[];
}

/** The real process and file system. */
export function nodeIo(): CliIo {
  const kindOf = (p: string): EntryKind | undefined => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return undefined;
    return stat.isDirectory() ? "directory" : stat.isFile() ? "file" : "other";
  };
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    readFile: (p) => fs.readFileSync(p),
    kind: kindOf,
    readdir: (p) =>
      fs.readdirSync(p, { withFileTypes: true }).map((entry) => {
        // A linked folder is not descended into: links can form cycles.
        if (entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(path.join(p, entry.name)) === "file" ? "file" : "other" };
        return { name: entry.name, kind: entry.isDirectory() ? "directory" : entry.isFile() ? "file" : "other" };
      }),
  };
}
