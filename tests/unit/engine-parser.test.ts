/**
 * The parser answers text without inline markup at once, without its inline pass. That is
 * only sound if every inline syntax starts with something the check looks for: compare the
 * trees with a parser that makes the full pass everywhere. A block dense with marks is parsed
 * in pieces cut at line breaks; what stays within a line reads as in one pass. GFM's bare
 * URLs and addresses are tried only where one can start; the trees show that none is missed.
 */
import { GFM, parser as commonmark } from "@lezer/markdown";
import fc from "fast-check";
import { runs } from "./property-seed";
import { describe, expect, it } from "vitest";
import { Footnotes, MathSyntax, NestingLimit } from "../../server/src/core/markdown/extensions";
import { markdownParser } from "../../server/src/core/markdown/prose";

const everyPass = commonmark.configure([GFM, Footnotes, MathSyntax, NestingLimit]);

/** Plain prose, where the shortcut applies, and a piece of every inline syntax, where it must not. */
const PLAIN = ["word", " ", "4,000", "troops", ".", "\n", "\n\n", "- ", "> ", "# "];
const MARKUP = [
  "  ", "  \n", "\\\n", "*", "**", "_", "~~", "`", "``", "[", "]", "(", ")", "!", "<", ">", "&amp;", "&#52;", "&",
  "\\", "\\*", "$", "$$", "x$", "@", "a@b.org", "www.example.org", "http://x.org", "https://x.org/a", "mailto:a@b.org", "xmpp:a@b.org",
  "first.last+tag@example.co.uk", `${"a".repeat(99)}@b.org`, `${"a".repeat(100)}@b.org`, `${"a".repeat(101)}@b.org`, "_a@b.org", "-@b.org",
  "WWW.example.org", "Http://x.org", "wwwx", "hxx", "mailto", "x@", "@@",
  "[^1]", "[link](http://x.org)", "<http://x.org>", "<b>", "<!-- c -->", "| a | b |\n| - | - |\n",
];
const piece = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...MARKUP) });

describe("the parser's shortcut for text without inline markup", () => {
  it("gives the same tree as the full inline pass", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(markdownParser.parse(text).toString()).toBe(everyPass.parse(text).toString());
      }),
      { numRuns: runs(3000) },
    );
  });

  it("a paragraph with more marks than one pass takes, each line's markup whole: the same tree", () => {
    const line = "Russia lost *300* drones, [the ministry](https://x.org) said, `code` and **4,000** troops ~~then~~.";
    const text = Array.from({ length: 40 }, () => line).join("\n");
    expect(text.match(/[*_~[\]$`]/g)!.length).toBeGreaterThan(256 * 2);
    expect(markdownParser.parse(text).toString()).toBe(everyPass.parse(text).toString());
  });
});
