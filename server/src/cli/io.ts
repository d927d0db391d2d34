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
  /** All of standard input; rejects with code EFBIG once it has sent more than `limit` bytes. */
  readStdin(limit: number): Promise<Uint8Array>;
  /**
   * A file's bytes; throws (with a node error code where there is one) when unreadable, and
   * with code EFBIG when it holds more than `limit` bytes, having read no more than that.
   */
  readFile(absolutePath: string, limit: number): Uint8Array;
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
    readStdin: async (limit) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total > limit) throw tooLarge(); // `cat /dev/zero | claimlint -` must end
      }
      return Buffer.concat(chunks, total);
    },
    readFile: (p, limit) => {
      const fd = fs.openSync(p, "r");
      try {
        return readWithin(fd, limit);
      } finally {
        fs.closeSync(fd);
      }
    },
    kind: kindOf,
    readdir: (p) =>
      fs.readdirSync(p, { withFileTypes: true }).map((entry) => {
        // A linked folder is not descended into: links can form cycles.
        if (entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(path.join(p, entry.name)) === "file" ? "file" : "other" };
        return { name: entry.name, kind: entry.isDirectory() ? "directory" : entry.isFile() ? "file" : "other" };
      }),
  };
}

/** Pipes and devices, which say nothing of their size, are read in pieces of this size. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * All of an open file, if it holds at most `limit` bytes. A regular file's size is checked
 * before anything is read, so an oversized one costs nothing; pipes and devices have no size
 * to check (`/dev/zero` never ends), so reading stops one byte past the limit.
 */
function readWithin(fd: number, limit: number): Uint8Array {
  const stat = fs.fstatSync(fd);
  if (stat.isFile() && stat.size > limit) throw tooLarge();
  // A regular file is read in one piece of its size, and one byte more in case it has grown.
  const piece = stat.isFile() ? stat.size + 1 : CHUNK_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(piece, limit + 1 - total));
    const read = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) throw tooLarge();
  }
}

/** The error of a file over a read limit, coded as the system codes "file too large". */
function tooLarge(): Error {
  return Object.assign(new Error("the file is larger than claimlint reads"), { code: "EFBIG" });
}
