/** The real file system, as the project loader reads it. */
import * as fs from "node:fs";
import { nodeIo } from "../cli/io";
import { MAX_JSON_FILE_BYTES, settingsText } from "../config/json";
import type { ProjectIo } from "./project";

const disk = nodeIo();

/**
 * A regular file's bytes, at most `limit` of them (past it, EFBIG). Only what is a regular
 * file now is opened: a pipe would block the server, opening one for reading already does,
 * and a device (`/dev/zero`) would never end.
 */
function readRegular(p: string, limit: number): Uint8Array {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
  if (!stat.isFile()) throw new Error("it is a pipe or a device, not a file");
  return disk.readFile(p, limit);
}

export const nodeProjectIo: ProjectIo = {
  exists: (p) => {
    try {
      return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false; // an unreadable folder holds no configuration we could use
    }
  },
  readText: (p) => settingsText(readRegular(p, MAX_JSON_FILE_BYTES)),
  sources: { kind: disk.kind, readdir: disk.readdir, readFile: readRegular },
};
