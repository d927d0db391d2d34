/**
 * The bundled fact reference and the user's extra reference files. Files are read through
 * a function passed in, so the language server and the CLI share this loader and tests
 * need no file system.
 */
import type { ConfigProblem } from "../config/config";
import { duplicateKeyMessage, readJsonFile, whyUnreadable } from "../config/json";
import bundled from "./reference.json";
import { validateReference, type ReferenceProblem } from "./schema";
import type { Reference, WeaponSystem } from "./types";

let cached: Reference | undefined;

/** The reference built from the source articles, validated once and frozen. */
export function bundledReference(): Reference {
  if (!cached) {
    const { reference, problems } = validateReference(bundled, "server/src/reference/reference.json");
    // The bundled file ships inside claimlint, so a problem in it is a build error, not a user's.
    if (problems.length > 0)
      throw new Error(`the bundled reference is invalid:\n${problems.map((p) => `  ${p.pointer}: ${p.message}`).join("\n")}`);
    cached = deepFreeze(reference);
  }
  return cached;
}

/**
 * `extra` laid over `base`: a system with an existing id gains the extra aliases, facts and
 * events; other systems are appended; sources are merged by id, the base entry winning.
 * Neither argument is modified.
 */
export function mergeReferences(base: Reference, extra: Reference): Reference {
  const sources = [...base.sources];
  for (const s of extra.sources) if (!sources.some((b) => b.id === s.id)) sources.push(s);

  const systems: WeaponSystem[] = base.systems.map((s) => ({
    ...s,
    aliases: [...s.aliases],
    facts: [...s.facts],
    events: [...s.events],
  }));
  for (const s of extra.systems) {
    const target = systems.find((b) => b.id === s.id);
    if (!target) {
      systems.push({ ...s, aliases: [...s.aliases], facts: [...s.facts], events: [...s.events] });
      continue;
    }
    target.aliases = unique([...target.aliases, ...s.aliases]);
    target.facts = unique([...target.facts, ...s.facts]);
    target.events = unique([...target.events, ...s.events]);
  }
  return { sources, systems };
}

/**
 * The bundled reference (or `base`) with each extra file merged over it in order. A file
 * that cannot be read or parsed is reported and skipped; an invalid entry costs only itself.
 * Every problem in a file that could be read has its line and column.
 */
export function loadReferenceFiles(
  paths: string[],
  readFile: (p: string) => string,
  base: Reference = bundledReference(),
): { reference: Reference; problems: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  let reference = base;
  for (const path of paths) {
    let text: string;
    try {
      text = readFile(path);
    } catch (err) {
      const { message, inFile } = whyUnreadable(err);
      const at = inFile ? { line: 1, column: 1 } : {};
      problems.push({ path, pointer: "", ...at, message: `${message}; the bundled reference is still used` });
      continue;
    }
    const reading = readJsonFile(text);
    if ("error" in reading) {
      const { line, column, message } = reading.error;
      problems.push({ path, pointer: "", line, column, message: `${message}; the file is skipped and the bundled reference is still used` });
      continue;
    }
    const { document } = reading;
    const checked = validateReference(document.value, path, reference);
    const found = [
      ...document.duplicateKeys.map(({ pointer, key }) => ({ path, pointer, message: duplicateKeyMessage(key) })),
      ...checked.problems,
    ];
    problems.push(...found.map((p) => ({ ...p, ...document.positionOf(p.pointer) })).sort((a, b) => a.line - b.line || a.column - b.column));
    reference = mergeReferences(reference, checked.reference);
  }
  return { reference, problems };
}

/** A reference problem as it is shown beside configuration problems: the pointer leads the message. */
export function asConfigProblem(p: ReferenceProblem): ConfigProblem {
  return { path: p.path, pointer: p.pointer, line: p.line, column: p.column, message: p.pointer ? `at ${p.pointer}: ${p.message}` : p.message };
}

/** Every name a draft may use for a system, with the system's id; longest first, so a
 * matcher tries "F-16 Fighting Falcon" before "F-16". */
export function systemAliases(ref: Reference): { alias: string; systemId: string }[] {
  const pairs = new Map<string, string>();
  for (const s of ref.systems) for (const alias of [s.name, ...s.aliases]) if (!pairs.has(alias)) pairs.set(alias, s.id);
  return [...pairs]
    .map(([alias, systemId]) => ({ alias, systemId }))
    .sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
