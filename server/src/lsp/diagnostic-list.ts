/**
 * A draft's diagnostics as they go out to the editor, written as bytes without first being
 * built as objects.
 *
 * A keystroke in a long draft republishes every diagnostic of it, nearly all as they were:
 * some 9,000 on a 10 MB draft, 3.5 MB of JSON. Building 50,000 objects for them, having
 * JSON.stringify walk them into one string (two bytes a character, for the curly quotes of
 * the messages) and copying that into UTF-8 was the costliest step of a keystroke and most of
 * its garbage. A DiagnosticList keeps each finding with its range; the stdio writer's encoder
 * writes the message straight into one buffer, from the range's numbers and from each
 * message's own part (severity, code, text, link), which is encoded once and reused for as
 * long as the finding keeps its message. Any other writer (Node's IPC channel, the
 * library's tracing) reads plain diagnostics through toJSON.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver";
import type { Finding } from "../core/finding";
import { diagnosticAt, hasRelatedInformation, type DiagnosticSupport } from "./diagnostics";

interface Positions {
  positionAt(offset: number): { line: number; character: number };
}

const ascii = (text: string) => Buffer.from(text, "latin1");
const RANGE_START = ascii('{"range":{"start":{"line":');
const CHARACTER = ascii(',"character":');
const RANGE_END = ascii('},"end":{"line":');
const RANGE_CLOSE = ascii("}}");
const CLOSE = ascii("]}}");
const COMMA = 0x2c;
/** The longest a range's four numbers can be written: 0xffffffff has ten digits. */
const MOST_RANGE_BYTES = RANGE_START.length + RANGE_END.length + 2 * CHARACTER.length + RANGE_CLOSE.length + 4 * 10;

export class DiagnosticList {
  /** Start line, start character, end line, end character of each finding. */
  private readonly ranges: Int32Array;

  /** Places the findings in the text as it is now: the list may be written out after later edits. */
  constructor(
    private readonly findings: readonly Finding[],
    document: Positions,
    private readonly uri: string,
    private readonly support: DiagnosticSupport,
  ) {
    const r = (this.ranges = new Int32Array(findings.length * 4));
    for (let i = 0; i < findings.length; i++) {
      const start = document.positionAt(findings[i].offset);
      const end = document.positionAt(findings[i].offset + findings[i].length);
      r[i * 4] = start.line;
      r[i * 4 + 1] = start.character;
      r[i * 4 + 2] = end.line;
      r[i * 4 + 3] = end.character;
    }
  }

  get length(): number {
    return this.findings.length;
  }

  private diagnostic(i: number): Diagnostic {
    const r = this.ranges;
    const range = { start: { line: r[i * 4], character: r[i * 4 + 1] }, end: { line: r[i * 4 + 2], character: r[i * 4 + 3] } };
    return diagnosticAt(this.findings[i], range, this.uri, this.support);
  }

  toJSON(): Diagnostic[] {
    return this.findings.map((_, i) => this.diagnostic(i));
  }

  /** The whole publishDiagnostics message, in UTF-8, written into room of at least the size asked. */
  write(params: PublishDiagnosticsParams, parts: MessageParts, room: (size: number) => Buffer): Buffer {
    const head = Buffer.from(
      `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(params.uri)}${params.version === undefined ? "" : `,"version":${params.version}`},"diagnostics":[`,
      "utf8",
    );
    const count = this.findings.length;
    // A diagnostic with related information names its range and draft there: it is written
    // whole, and is rare. Every other one is its range, then its message's part.
    const bodies: Buffer[] = new Array(count);
    const whole: boolean[] = new Array(count);
    let size = head.length + count + 3;
    for (let i = 0; i < count; i++) {
      whole[i] = hasRelatedInformation(this.findings[i], this.support);
      bodies[i] = whole[i] ? Buffer.from(JSON.stringify(this.diagnostic(i)), "utf8") : parts.of(this.findings[i], this.support);
      size += bodies[i].length + (whole[i] ? 0 : MOST_RANGE_BYTES);
    }
    const out = room(size);
    out.set(head, 0);
    let at = head.length;
    const r = this.ranges;
    for (let i = 0; i < count; i++) {
      if (i > 0) out[at++] = COMMA;
      if (!whole[i]) {
        at = put(out, at, RANGE_START);
        at = put(out, putNumber(out, at, r[i * 4]), CHARACTER);
        at = put(out, putNumber(out, at, r[i * 4 + 1]), RANGE_END);
        at = put(out, putNumber(out, at, r[i * 4 + 2]), CHARACTER);
        at = put(out, putNumber(out, at, r[i * 4 + 3]), RANGE_CLOSE);
      }
      at = put(out, at, bodies[i]);
    }
    return out.subarray(0, put(out, at, CLOSE));
  }
}

function put(out: Buffer, at: number, bytes: Buffer): number {
  out.set(bytes, at);
  return at + bytes.length;
}

/** Writes a non-negative integer in decimal at `at`; returns where it ends. */
function putNumber(out: Buffer, at: number, n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = at + digits - 1; i >= at; i--) {
    out[i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + digits;
}

/**
 * Each message's part of a diagnostic, from `"severity"` to the closing brace, in UTF-8. Two
 * generations: the parts used since the last turnover and those used before it, so parts of
 * messages no draft has any more are let go without a pass over every draft's findings.
 */
export class MessageParts {
  private current = new Map<string, Part>();
  private previous = new Map<string, Part>();

  /** Turns over once the newer generation holds `most` parts. */
  constructor(private readonly most: number) {}

  /** Keyed by the message alone, whose hash a string keeps: a key built per lookup would cost more than it saves. */
  of(finding: Finding, support: DiagnosticSupport): Buffer {
    const message = finding.message;
    let part = this.current.get(message);
    if (part && fits(part, finding, support)) return part.bytes;
    part = this.previous.get(message);
    if (!part || !fits(part, finding, support)) {
      const { range: _, ...rest } = diagnosticAt(finding, NO_RANGE, "", support);
      // `,"severity":…}`: the diagnostic without its opening brace, which the range takes.
      part = { rule: finding.rule, severity: finding.severity, linked: support.codeDescription, bytes: Buffer.from(`,${JSON.stringify(rest).slice(1)}`, "utf8") };
    }
    if (this.current.size >= this.most) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(message, part);
    return part.bytes;
  }
}

interface Part {
  rule: Finding["rule"];
  severity: Finding["severity"];
  linked: boolean;
  bytes: Buffer;
}

const fits = (part: Part, finding: Finding, support: DiagnosticSupport) =>
  part.rule === finding.rule && part.severity === finding.severity && part.linked === support.codeDescription;

/**
 * The findings as the diagnostics of a publishDiagnostics message. The library only passes
 * the list on to its writer, which writes it (see diagnosticsEncoder) or reads it through toJSON.
 */
export function diagnosticList(findings: readonly Finding[], document: Positions & { uri: string }, support: DiagnosticSupport): Diagnostic[] {
  return new DiagnosticList(findings, document, document.uri, support) as unknown as Diagnostic[];
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The stdio writer's JSON encoder: a publishDiagnostics message whose diagnostics are a
 * DiagnosticList is written by the list; any other message as the library writes it.
 *
 * The lists are written into one buffer, used again for each: the writer hands a message to
 * the stream and waits until the stream has written it before it encodes the next. A new
 * buffer of megabytes for each keystroke in a long draft was memory the allocator kept.
 */
export function diagnosticsEncoder(parts: MessageParts): ContentTypeEncoder {
  let kept = Buffer.alloc(0);
  const room = (size: number) => {
    // Grown with room to spare; given back when a much smaller list would do (a long draft closed).
    if (kept.length < size || kept.length > size * 4 + SMALL_ROOM) kept = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
    return kept;
  };
  return {
    name: "application/json",
    encode(message: unknown, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        const params = (message as { params?: PublishDiagnosticsParams }).params;
        if (params?.diagnostics instanceof DiagnosticList) return Promise.resolve(params.diagnostics.write(params, parts, room));
        return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/** Below this a buffer kept for the lists is never worth giving back. */
const SMALL_ROOM = 64 * 1024;
