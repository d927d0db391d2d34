/** The real file system, as the project loader reads it. */
import * as fs from "node:fs";
import { nodeIo } from "../cli/io";
import { MAX_JSON_FILE_BYTES, settingsText } from "../config/json";
import type { ProjectIo } from "./project";

const disk = nodeIo();

export const nodeProjectIo: ProjectIo = {
  exists: (p) => {
    try {
      return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false; // an unreadable folder holds no configuration we could use
    }
  },
  readText: (p) => {
    // Only a regular file of a sane size is read: a pipe would block the server and a device
    // (`/dev/zero`) would never end.
    const stat = fs.statSync(p);
    if (stat.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
    if (!stat.isFile()) throw new Error("it is a pipe or a device, not a file");
    if (stat.size > MAX_JSON_FILE_BYTES) throw Object.assign(new Error("too large"), { code: "EFBIG" });
    return settingsText(fs.readFileSync(p));
  },
  sources: {
    kind: disk.kind,
    readdir: disk.readdir,
    readFile: (p, limit) => {
      // As for configuration files: a pipe would block the server, and opening one for
      // reading already does, so only what is a regular file now is opened.
      const stat = fs.statSync(p);
      if (stat.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      if (!stat.isFile()) throw new Error("it is a pipe or a device, not a file");
      return disk.readFile(p, limit);
    },
  },
};
