/**
 * JSON as claimlint reads `.claimlintrc.json` and reference files: the value, and where in
 * the text each part of it stands, so every problem is shown at its line and column. One
 * parser gives both, so the value and the positions always agree; it also places a syntax
 * error the same way in every Node version (V8's JSON.parse messages vary and often carry
 * no position).
 */
import { indexLines } from "../core/lines";

/**
 * The most a configuration or reference file may hold, in bytes: a reference of thousands
 * of weapon systems fits many times over, and a larger file is a mistake (a log, a data
 * dump) that would only slow every check down.
 */
export const MAX_JSON_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A configuration or reference file's bytes as text. They must be UTF-8: decoding them
 * leniently would slip replacement characters into phrases and names.
 */
export function settingsText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw Object.assign(new Error("not UTF-8"), { code: "EILSEQ" });
  }
}

/** Nesting deeper than this is no configuration or reference; the cap keeps the parser's stack small. */
const MAX_NESTING = 64;

/** A place in a file: 1-based line and column, the column in UTF-16 units as editors count. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A parsed file, with the position of each of its parts. */
export interface JsonDocument {
  value: unknown;
  /**
   * Where the part a JSON pointer names starts: a member's key, an array item's value.
   * A pointer to something absent (a missing field) gives its nearest present parent.
   */
  positionOf(pointer: string): TextPosition;
  /** Keys given twice in one object, at their later place; the value is the last one's, as with JSON.parse. */
  duplicateKeys: { pointer: string; key: string }[];
}

/** The text of a file as a document, or where and why it is not one. */
export type JsonReading = { document: JsonDocument } | { error: TextPosition & { message: string } };

/** `key` under `pointer`, escaped as RFC 6901 says (`~` as `~0`, `/` as `~1`). */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/**
 * Reads a whole file's text: a leading byte order mark is dropped (editors do not count it
 * in positions), and an empty, oversized or malformed text is an error at its position.
 */
export function readJsonFile(text: string): JsonReading {
  const body = text.replace(/^\uFEFF/, "");
  // A reader that bounds the bytes (the CLI's) refuses an oversized file before this. Text
  // read whole (the editor's) is measured here, before any parsing: it has at least as many
  // bytes as characters.
  if (body.length > MAX_JSON_FILE_BYTES) return { error: { line: 1, column: 1, message: tooLargeMessage() } };
  if (body.trim() === "") return { error: { line: 1, column: 1, message: "the file is empty; it needs a JSON object, such as {}" } };
  return parseJson(body);
}

/** The problem with a key given twice, said at its later place. */
export function duplicateKeyMessage(key: string): string {
  return `"${key}" is given twice in the same object; this later one is used`;
}

/** What an oversized file is told, whether its size was seen before reading or after. */
function tooLargeMessage(): string {
  return `the file is larger than ${MAX_JSON_FILE_BYTES / (1024 * 1024)} MB, claimlint's limit for configuration and reference files`;
}

/** Thrown inside the parser only, so that a real bug (a RangeError) is never mistaken for bad JSON. */
class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Parses `text` (without a byte order mark) as one JSON value, recording where each part is. */
function parseJson(text: string): JsonReading {
  const offsets = new Map<string, number>();
  const duplicateKeys: JsonDocument["duplicateKeys"] = [];
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  let i = 0;

  const fail = (expected: string): never => {
    throw new JsonSyntaxError(i, `invalid JSON: expected ${expected}`);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const string = (): string => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail("a closing quote");
      const c = text[i]!;
      if (c === '"') break;
      if (c < " ") fail("no line breaks or control characters inside a string");
      if (c === "\\") {
        i++;
        if (text[i] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (i >= text.length || !'"\\/bfnrt'.includes(text[i]!)) fail('a valid escape such as \\" or \\n');
      }
      i++;
    }
    i++;
    // The token is valid JSON now; JSON.parse decodes its escapes exactly as the standard says.
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, depth: number): unknown => {
    skipSpace();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (depth >= MAX_NESTING) fail(`at most ${MAX_NESTING} levels of nesting`);
      return c === "{" ? object(pointer, depth + 1) : array(pointer, depth + 1);
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      const number = Number(text.slice(i, NUMBER.lastIndex));
      i = NUMBER.lastIndex;
      return number;
    }
    for (const [word, literal] of [["true", true], ["false", false], ["null", null]] as const)
      if (text.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    return fail("a value (string, number, object, array, true, false or null)");
  };
  const object = (pointer: string, depth: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    const keys = new Set<string>();
    i++;
    skipSpace();
    if (text[i] === "}") return i++, result;
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail("a property name in double quotes");
      const keyOffset = i;
      const key = string();
      const member = childPointer(pointer, key);
      if (keys.has(key)) duplicateKeys.push({ pointer: member, key });
      keys.add(key);
      offsets.set(member, keyOffset);
      skipSpace();
      if (text[i] !== ":") fail("':' after the property name");
      i++;
      // defineProperty, as JSON.parse does: a key "__proto__" is data, not the prototype.
      Object.defineProperty(result, key, { value: value(member, depth), enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "}") return i++, result;
      else fail("',' or '}'");
    }
  };
  const array = (pointer: string, depth: number): unknown[] => {
    const result: unknown[] = [];
    i++;
    skipSpace();
    if (text[i] === "]") return i++, result;
    for (;;) {
      skipSpace();
      const item = childPointer(pointer, result.length);
      offsets.set(item, i);
      result.push(value(item, depth));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "]") return i++, result;
      else fail("',' or ']'");
    }
  };

  try {
    skipSpace();
    offsets.set("", i);
    const parsed = value("", 0);
    skipSpace();
    if (i < text.length) fail("the end of the file");
    const position = positionsIn(text);
    const offsetOf = (pointer: string): number => {
      for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
        const offset = offsets.get(p);
        if (offset !== undefined) return offset;
        if (p === "") return 0;
      }
    };
    return {
      document: {
        value: parsed,
        positionOf: (pointer) => position(offsetOf(pointer)),
        duplicateKeys,
      },
    };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { error: { ...positionsIn(text)(e.offset), message: e.message } };
    throw e;
  }
}

/** Offsets to positions, lines counted once: a file with many problems costs one pass. */
function positionsIn(text: string): (offset: number) => TextPosition {
  const lines = indexLines(text);
  return (offset) => {
    const line = lines.lineOf(offset);
    return { line: line + 1, column: offset - lines.startOf(line) + 1 };
  };
}

/**
 * Why a configuration or reference file could not be read, from the error its reader threw
 * (node's codes; EFBIG and EILSEQ also from readers that check size and encoding first).
 * `inFile` says the file is there and the problem is its content, so it is shown at its top.
 */
export function whyUnreadable(e: unknown): { message: string; inFile: boolean } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return { message: "file not found", inFile: false };
  if (code === "EISDIR") return { message: "it is a folder, not a file", inFile: false };
  if (code === "EACCES" || code === "EPERM") return { message: "cannot read the file: permission denied", inFile: false };
  if (code === "EFBIG") return { message: tooLargeMessage(), inFile: true };
  if (code === "EILSEQ") return { message: "the file is not UTF-8 text (save it as UTF-8)", inFile: true };
  return { message: `cannot read the file: ${e instanceof Error ? e.message : String(e)}`, inFile: false };
}
