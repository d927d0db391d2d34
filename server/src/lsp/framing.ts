/**
 * The client's bytes over stdio, framed again before the protocol library reads them.
 *
 * A message is a header (`Content-Length: N` and perhaps other `Name: value` fields, each
 * line ended by CR LF, then an empty line) and a body of N bytes. The library's reader takes
 * a broken header badly: after one without a usable length it waits for more bytes before
 * reading the message already behind it; after a negative length it never reads again; and
 * after a length that does not match its body it takes every later body for a header, so
 * the server goes deaf for good. Here only whole, well-framed messages go on:
 * - bytes that are not a header are skipped up to the next `Content-Length:` field, where
 *   the next message starts;
 * - a length longer than its body is caught where the next header starts inside the bytes it
 *   claims. JSON cannot hold `Content-Length: 12` followed by CR LF (no raw line break inside
 *   a string, no bare word outside one), so a body holding it is no body, and the message
 *   after it is read as soon as it arrives, however long the lying length;
 * - a length shorter than its body leaves bytes where a header should be: skipped as above.
 * A body that is not JSON, or not a message, is the library's to drop; it goes on.
 */
import { Transform, type TransformCallback } from "node:stream";

const HEADER_END = Buffer.from("\r\n\r\n", "latin1");
const FIELD = "Content-Length:";
const LENGTH_FIELD = Buffer.from(FIELD, "latin1");
/** How a header starts: the field, its number and the end of its line. */
const HEADER_START = /^Content-Length:[ \t]*\d+\r\n/;
/** A header's start as far as it has come, up to the end of its line. */
const HEADER_START_SO_FAR = /^Content-Length:[ \t]*\d*\r?$/;
/** Longer than any header start `HEADER_START` needs to be told from other bytes. */
const LONGEST_START = 64;
/** A header is some dozens of bytes: this many without its end are not one. */
const LONGEST_HEADER = 8 * 1024;
const EMPTY = Buffer.alloc(0);
const CR = 13;
const LF = 10;

/** Told of bytes skipped, and why. */
export type SkipReport = (bytes: number, why: string) => void;

/** The body under way, once its header is read. */
interface Body {
  /** The length of its header. */
  header: number;
  /** The length its header gives. */
  length: number;
  /** The bytes received since the header, which may run past the body's end. */
  pieces: Buffer[];
  received: number;
  /** The last bytes received: where the start of a header cut by the end of a read lies. */
  tail: Buffer;
}

export class Reframer extends Transform {
  /** Bytes received while a header is awaited. */
  private head: Buffer = EMPTY;
  private body?: Body;

  constructor(private readonly skipped: SkipReport) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data: Buffer | undefined = chunk;
    while (data) data = this.body ? this.readBody(this.body, data) : this.readHead(data);
    done();
  }

  override _flush(done: TransformCallback): void {
    const left = this.head.length + (this.body ? this.body.header + this.body.received : 0);
    if (left > 0) this.skipped(left, "the input ended inside a message");
    done();
  }

  /** Takes bytes while a header is awaited; returns the bytes after a header, if one ended. */
  private readHead(data: Buffer): Buffer | undefined {
    this.head = this.head.length === 0 ? data : Buffer.concat([this.head, data]);
    for (;;) {
      const end = this.head.indexOf(HEADER_END);
      if (end < 0) {
        if (this.head.length <= LONGEST_HEADER) return undefined;
        // Too long for a header: the bytes up to the next field go, or all but what could be
        // the start of one cut off by the end of this read.
        const field = this.head.indexOf(LENGTH_FIELD, 1);
        this.skip(field > 0 ? field : this.head.length - LENGTH_FIELD.length, "bytes with no end of a header");
        if (field < 0) return undefined;
        continue;
      }
      // A field that starts inside a line is a header glued to the tail of something else.
      const glued = gluedField(this.head.subarray(0, end));
      if (glued !== undefined) {
        this.skip(glued, "bytes that are not a message");
        continue;
      }
      const length = lengthIn(this.head.toString("latin1", 0, end));
      if (length === undefined) {
        const field = this.head.indexOf(LENGTH_FIELD, 1);
        this.skip(field > 0 ? field : end + HEADER_END.length, "bytes that are not a header with one Content-Length");
        continue;
      }
      const header = end + HEADER_END.length;
      const rest = this.head.subarray(header);
      this.head = EMPTY;
      this.body = { header, length, pieces: [], received: 0, tail: EMPTY };
      return rest;
    }
  }

  /** Skips the head's first `bytes`, keeping the rest to be read as a header. */
  private skip(bytes: number, why: string): void {
    this.skipped(bytes, why);
    this.head = this.head.subarray(bytes);
  }

  /** Takes bytes of the body under way; returns the bytes after it once it is whole. */
  private readBody(body: Body, data: Buffer): Buffer | undefined {
    const window = body.tail.length === 0 ? data : Buffer.concat([body.tail, data]);
    const windowStart = body.received - body.tail.length;
    const next = nextHeader(window, body.length - windowStart);
    if (typeof next === "number") {
      this.skipped(body.header + windowStart + next, `a message that claimed ${body.length} bytes where the next one began after ${windowStart + next}`);
      this.body = undefined;
      return window.subarray(next);
    }
    body.pieces.push(data);
    body.received += data.length;
    body.tail = window.subarray(-LONGEST_START);
    if (next === "undecided" || body.received < body.length) return undefined;
    this.push(`Content-Length: ${body.length}\r\n\r\n`);
    let left = body.length;
    const rest: Buffer[] = [];
    for (const piece of body.pieces) {
      if (left > 0 && piece.length > 0) this.push(piece.subarray(0, left));
      if (piece.length > left) rest.push(piece.subarray(left));
      left = Math.max(0, left - piece.length);
    }
    this.body = undefined;
    if (rest.length === 0) return undefined;
    return rest.length === 1 ? rest[0] : Buffer.concat(rest);
  }
}

/**
 * Where in `window` the next message's header starts before `bodyEnd` (where the body ends,
 * counted in the window), if it does: only a length that lied puts it there. "undecided"
 * when bytes at the window's end may be the start of one, cut off by the end of a read.
 */
function nextHeader(window: Buffer, bodyEnd: number): number | "undecided" | undefined {
  for (let at = window.indexOf(LENGTH_FIELD); at >= 0 && at < bodyEnd; at = window.indexOf(LENGTH_FIELD, at + 1)) {
    if (HEADER_START.test(window.toString("latin1", at, at + LONGEST_START))) return at;
  }
  for (let at = Math.max(0, window.length - LONGEST_START); at < Math.min(window.length, bodyEnd); at++) {
    if (window[at] !== LENGTH_FIELD[0]) continue;
    const end = window.toString("latin1", at);
    if (end.length < FIELD.length ? FIELD.startsWith(end) : HEADER_START_SO_FAR.test(end)) return "undecided";
  }
  return undefined;
}

/** Where a `Content-Length:` field starts inside a line of `header`, if one does. */
function gluedField(header: Buffer): number | undefined {
  for (let at = header.indexOf(LENGTH_FIELD, 1); at >= 0; at = header.indexOf(LENGTH_FIELD, at + 1)) {
    if (header[at - 2] !== CR || header[at - 1] !== LF) return at;
  }
  return undefined;
}

/** The body length a header gives, or undefined unless it is made of fields and gives exactly one. */
function lengthIn(header: string): number | undefined {
  let length: number | undefined;
  for (const field of header.split("\r\n")) {
    const colon = field.indexOf(":");
    if (colon <= 0) return undefined;
    if (field.slice(0, colon).toLowerCase() !== "content-length") continue;
    const value = /^[ \t]*(\d{1,15})[ \t]*$/.exec(field.slice(colon + 1));
    if (length !== undefined || !value) return undefined;
    length = Number(value[1]);
  }
  return length;
}
