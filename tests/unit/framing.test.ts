/**
 * The server's stdio input, framed again: well-framed messages come through whole however the
 * bytes are split, and after any bytes that are not a message, the messages that follow do.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Reframer } from "../../server/src/lsp/framing";
import { runs } from "./property-seed";

const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);

/** Runs `input`, cut into the given reads, through a Reframer: the bodies out and the bytes it reports skipped. */
async function reframe(input: Buffer, cuts: number[] = []): Promise<{ bodies: string[]; skipped: number; reasons: string[] }> {
  let skipped = 0;
  const reasons: string[] = [];
  const reframer = new Reframer((bytes, why) => {
    skipped += bytes;
    reasons.push(why);
  });
  const out: Buffer[] = [];
  reframer.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => reframer.on("end", resolve));
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    reframer.write(input.subarray(from, cut));
    from = cut;
  }
  reframer.end(input.subarray(from));
  await ended;
  return { bodies: parseFrames(Buffer.concat(out)), skipped, reasons };
}

/** The bodies of strictly framed messages (`Content-Length: N`, a blank line, N bytes); throws on anything else. */
function parseFrames(bytes: Buffer): string[] {
  const bodies: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    const header = /^Content-Length: (\d+)\r\n\r\n/.exec(bytes.toString("latin1", at, at + 40));
    if (!header) throw new Error(`not a header at ${at}`);
    at += header[0].length;
    bodies.push(bytes.toString("utf8", at, at + Number(header[1])));
    at += Number(header[1]);
  }
  return bodies;
}

/** Bodies as clients send them, including text that looks like framing (escaped in JSON) and non-ASCII text. */
const body = fc
  .record({ id: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom("Content-Length: 12\r\n\r\n{}", "Kyiv — 12 jets 🙂", "\r\n\r\n")) })
  .map(({ id, text }) => JSON.stringify({ jsonrpc: "2.0", method: "textDocument/didChange", params: { id, text } }));

/** Bytes that are not a message: pieces of headers and bodies, in any order. */
const garbage = fc
  .array(fc.constantFrom("Content-Length: ", "Content-Length: 7", "Content-Length: 99999999", "content-length: 3", "Content-Type: x", "12", "-4", ":", "\r\n", "\r\n\r\n", "\r", "\n", "{", "}", "x", "é"), { minLength: 1, maxLength: 12 })
  .map((pieces) => pieces.join(""));

describe("the stdio framing", () => {
  it("passes well-framed messages through whole, however the reads cut them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(2_000)), async (bodies, cuts) => {
        const input = Buffer.concat(bodies.map(frame));
        const out = await reframe(input, cuts.map((c) => c % (input.length + 1)));
        expect(out.bodies).toEqual(bodies);
        expect(out.skipped).toBe(0);
      }),
      { numRuns: runs(100) },
    );
  });

  it("after any bytes that are not a message, passes the messages that follow whole", async () => {
    await fc.assert(
      fc.asyncProperty(garbage, fc.array(body, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(2_000)), async (junk, bodies, cuts) => {
        const input = Buffer.concat([Buffer.from(junk), ...bodies.map(frame)]);
        const out = await reframe(input, cuts.map((c) => c % (input.length + 1)));
        // Junk that happens to be a whole message (`Content-Length: 2`, a blank line, `12`)
        // comes out as one, for the library to drop; the messages after it come out whole.
        expect(out.bodies.slice(-bodies.length)).toEqual(bodies);
      }),
      { numRuns: runs(500) },
    );
  });

  it("reports what it skips, and why", async () => {
    const next = frame('{"jsonrpc":"2.0","method":"exit"}');
    const cases: [string, number, RegExp][] = [
      ["Content-Type: x\r\n\r\n", 19, /not a header/],
      ["Content-Length: -5\r\n\r\n", 22, /not a header/],
      ["Content-Length: 2\r\nContent-Length: 3\r\n\r\n", 40, /not a header/],
      ['Content-Length: 90\r\n\r\n{"a":1}', 29, /claimed 90 bytes where the next one began after 7/],
      ["Content-Length: 7\r\n-4", 21, /not a message/],
    ];
    for (const [junk, skipped, why] of cases) {
      const out = await reframe(Buffer.concat([Buffer.from(junk), next]));
      expect(out.bodies.at(-1)).toBe('{"jsonrpc":"2.0","method":"exit"}');
      expect(out.skipped).toBe(skipped);
      expect(out.reasons.join("; ")).toMatch(why);
    }
  });

  it("reads past kilobytes with no end of a header, however the reads cut them", async () => {
    const junk = Buffer.alloc(50_000, "x");
    const message = frame("{}");
    for (const cuts of [[], [10_000, 20_000, 30_000, 40_000], [49_990]]) {
      const out = await reframe(Buffer.concat([junk, message]), cuts);
      expect(out.bodies).toEqual(["{}"]);
      expect(out.skipped).toBe(junk.length);
    }
  });

  it("reports input that ends inside a message", async () => {
    const out = await reframe(Buffer.from('Content-Length: 30\r\n\r\n{"jsonrpc"'));
    expect(out.bodies).toEqual([]);
    expect(out.skipped).toBe(32);
    expect(out.reasons).toEqual(["the input ended inside a message"]);
  });
});
