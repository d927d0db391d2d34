/**
 * The bundled fact reference and the user's extra reference files. Files are read through
 * a function passed in, so the language server and the CLI share this loader and tests
 * need no file system.
 */
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
      const code = (err as { code?: unknown }).code;
      const message = code === "ENOENT" ? "file not found; check the path" : `cannot read the file: ${String((err as Error).message ?? err)}`;
      problems.push({ path, pointer: "", message: `${message} (the bundled reference is still used)` });
      continue;
    }
    text = text.replace(/^\uFEFF/, "");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      const { offset, expected } = findJsonError(text) ?? { offset: 0, expected: "valid JSON" };
      const { line, column } = lineColumn(text, offset);
      problems.push({ path, pointer: "", line, column, message: `invalid JSON at line ${line}, column ${column}: expected ${expected}; the file was skipped` });
      continue;
    }
    const checked = validateReference(raw, path, reference);
    problems.push(...checked.problems);
    reference = mergeReferences(reference, checked.reference);
  }
  return { reference, problems };
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

/** 1-based line and column (UTF-16 units) of an offset, as editors show them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/**
 * Where the first JSON syntax error is. JSON.parse's messages differ between Node versions
 * and often carry no position, so this small scanner finds it the same way everywhere.
 */
export function findJsonError(text: string): { offset: number; expected: string } | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw { offset: i, expected };
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail("a closing quote");
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < " ") fail("no line breaks or control characters inside a string");
      if (c === "\\") {
        i++;
        if (text[i] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? "x") || i >= text.length) fail('a valid escape such as \\" or \\n');
      }
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail("',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (number.test(text)) return void (i = number.lastIndex);
    for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) return void (i += word.length);
    fail("a value (string, number, object, array, true, false or null)");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("the end of the file");
    return undefined;
  } catch (e) {
    return e as { offset: number; expected: string };
  }
}
