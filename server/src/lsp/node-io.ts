/** The real file system, as the project loader reads it. */
import * as fs from "node:fs";
import type { ProjectIo } from "./project";

export const nodeProjectIo: ProjectIo = {
  exists: (p) => {
    try {
      return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false; // an unreadable folder holds no configuration we could use
    }
  },
  readText: (p) => fs.readFileSync(p, "utf8"),
};
