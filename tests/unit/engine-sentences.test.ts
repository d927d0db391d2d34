/**
 * A block is segmented stretch by stretch between the places a sentence surely ends, and a
 * block without a weapon system only around its figures and quotation marks. Whatever the
 * text, those sentences must be exactly the ones the whole block's segmentation gives.
 */
import fc from "fast-check";
import { runs } from "./property-seed";
import { describe, expect, it } from "vitest";
import { canEndInside, flatten, segmentWhole, sentencesAround, splitSentences } from "../../server/src/core/sentences";

const PIECES = [
  "Russia fired 40 drones.", "It was hard.", " ", "  ", "\n", "Gen. Smith said so.", "The U.S. Army agreed.", "At 5 a.m. Sirens sounded.",
  "“We lost 300 men,” he said.", "“Hold on. ", "Then” it ended.", "Why? ", "Really! ", "Wait… ", "(Reuters) ", "Mr. ", "Dec. 14 ", "e.g. ", "3.5 km",
  "ministers said", "said:", "\"Quote.\" ", "Next", "x".repeat(500), "Él llegó.", "no. 5",
];

describe("sentences between sure ends", () => {
  it("are the whole block's sentences", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join(pieces.length % 2 ? " " : "");
        expect(splitSentences(text)).toEqual(segmentWhole(flatten(text)));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe("sentences around offsets", () => {
  it("are the whole block's sentences that hold them", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (pieces, picks) => {
        const text = pieces.join(pieces.length % 2 ? " " : "");
        const offsets = picks.map((p) => p % text.length);
        const whole = segmentWhole(flatten(text));
        const around = sentencesAround(text, offsets);
        for (const sentence of around) expect(whole).toContainEqual(sentence);
        for (const offset of offsets) {
          const holding = whole.find((s) => s.start <= offset && offset < s.end);
          if (holding) expect(around).toContainEqual(holding);
        }
        expect(around).toEqual([...around].sort((a, b) => a.start - b.start));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe("a stretch with nothing that could end a sentence before its own end", () => {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const PARTS = ["Russia", "fired", "4,000", " ", "  ", "\t", "\u00a0", ",", ";", ":", "—", "“", "”", "\"", "'", "(", ")", "[", "]", "é", "🙂", "\u{11047}", "؟", "\ufeff", "«", "»", "-", "/", "&", "3", "."];
  const ENDINGS = ["", ".", "!", "?", ".”", "?)", ". ", "!” ", "…", "。", ".\"  "];

  it("is one sentence for the segmenter, whatever it holds", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 20 }), fc.constantFrom(...ENDINGS), (parts, ending) => {
        const text = parts.join("") + ending;
        if (canEndInside(text)) return;
        const segments = [...segmenter.segment(text)];
        expect(segments.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs(5000) },
    );
  });
});

