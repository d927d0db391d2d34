/**
 * Where the engine looks (spec section 1): only prose. Each draft puts a figure inside a
 * construct that is never checked and an unsourced figure in prose beside it, so the test
 * fails both when the construct leaks and when checking stops altogether.
 */
import { describe, it, expect } from "vitest";
import { bundledChecker, found } from "./support";

const checker = bundledChecker;

/** The prose sentence every draft carries: its figure must be the only finding. */
const PROSE = "Russia fired 70 missiles at the grid.";
const ONLY_PROSE: [string, string][] = [["unattributed-figure", "70 missiles"]];

describe("never checked", () => {
  it.each([
    ["fenced code", `\`\`\`text\nRussia fired 50 drones and 500 km ATACMS.\n\`\`\`\n\n${PROSE}\n`],
    ["tilde-fenced code", `~~~\nRussia fired 50 drones.\n~~~\n\n${PROSE}\n`],
    ["indented code", `Intro line.\n\n    Russia fired 50 drones.\n\n${PROSE}\n`],
    ["inline code", `The flag \`--drones 50\` is set. ${PROSE}\n`],
    ["an HTML block", `<div class="note">\nRussia fired 50 drones.\n</div>\n\n${PROSE}\n`],
    ["an HTML comment block", `<!--\nRussia fired 50 drones.\n-->\n\n${PROSE}\n`],
    ["an inline HTML comment", `Kyiv was calm <!-- 50 drones --> overnight. ${PROSE}\n`],
    ["YAML front matter", `---\ntitle: Russia fired 50 drones\ntroops: 4000\n---\n\n${PROSE}\n`],
    ["TOML front matter", `+++\ntitle = "Russia fired 50 drones"\nbudget = 61000000000\n+++\n\n${PROSE}\n`],
    ["a display math block", `$$\nd = 300 \\text{ km} + 50 \\text{ drones}\n$$\n\n${PROSE}\n`],
    ["inline math", `The share is $x_{50}/y$ here. ${PROSE}\n`],
    ["a link URL", `Read the [ministry brief](https://mod.example/news/2024/50-drones-500km). ${PROSE}\n`],
    ["an image URL", `![map of the front](https://img.example/500-km-front.png)\n\n${PROSE}\n`],
    ["an autolink", `Details at <https://example.org/500-tanks-lost>. ${PROSE}\n`],
    ["a reference definition", `The [brief][b] came out. ${PROSE}\n\n[b]: https://mod.example/2024/500 "500 tanks lost"\n`],
    ["a footnote definition", `Kyiv asked again.[^1] ${PROSE}\n\n[^1]: The ministry counted 500 tanks.\n`],
  ])("%s", (_what, text) => {
    expect(found(text)).toEqual(ONLY_PROSE);
  });
});

describe("front matter edge cases", () => {
  it("an unclosed front matter fence is prose", () => {
    const text = "---\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("front matter with CRLF line ends is skipped and offsets hold after it", () => {
    const text = `---\r\ntitle: 50 drones\r\n---\r\n\r\n${PROSE}\r\n`;
    const findings = checker.check(text);
    expect(findings.map((f) => [f.rule, text.slice(f.offset, f.offset + f.length)])).toEqual(ONLY_PROSE);
    expect(findings[0].offset).toBe(text.indexOf("70 missiles"));
  });
});

describe("checked prose", () => {
  it.each([
    ["a paragraph", `${PROSE}\n`],
    ["a heading", `# ${PROSE}\n`],
    ["a list item", `- ${PROSE}\n`],
    ["an ordered list item", `1. ${PROSE}\n`],
    ["a block quote", `> ${PROSE}\n`],
    ["emphasis", `*${PROSE}*\n`],
    ["strikethrough", `~~${PROSE}~~\n`],
    ["link text without a target", `[${PROSE}]\n`],
  ])("%s", (_what, text) => {
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("a table cell", () => {
    const text = `| Report |\n| --- |\n| ${PROSE} |\n`;
    expect(found(text)).toEqual(ONLY_PROSE);
  });
});

describe("sentences do not cross blocks", () => {
  it("an attribution in the next paragraph does not reach back", () => {
    const text = "Russia fired 70 missiles at the grid\n\nthe energy minister said.\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("an attribution in the next list item does not reach back", () => {
    const text = "- Russia fired 70 missiles at the grid\n- the energy minister said\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("an attribution in the next table cell does not reach back", () => {
    const text = "| Attack | Source |\n| --- | --- |\n| Russia fired 70 missiles at the grid | the energy minister said |\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("an attribution in a heading does not reach the paragraph under it", () => {
    const text = "## What the energy minister said\n\nRussia fired 70 missiles at the grid.\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });
});

describe("CRLF line ends do not change the block structure", () => {
  it("an HTML block ends at a CRLF blank line; the prose after it is checked", () => {
    const text = `<div class="note">\r\nRussia fired 50 drones.\r\n</div>\r\n\r\n${PROSE}\r\n`;
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("fenced code with CRLF is skipped and the prose after it is checked", () => {
    const text = `\`\`\`\r\nRussia fired 50 drones.\r\n\`\`\`\r\n\r\n${PROSE}\r\n`;
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("table cells with CRLF are separate blocks: an attribution in the next cell does not reach back", () => {
    const text = "| Attack | Source |\r\n| --- | --- |\r\n| Russia fired 70 missiles at the grid | the energy minister said |\r\n";
    expect(found(text)).toEqual(ONLY_PROSE);
  });

  it("a table with CRLF under an attributed lead-in is covered by it", () => {
    const text = "The energy ministry reported:\r\n\r\n| Region | Damage |\r\n| --- | --- |\r\n| Odesa | 12 substations |\r\n";
    expect(found(text)).toEqual([]);
  });

  it("a list with CRLF under an attributed lead-in is covered by it", () => {
    const text = "The energy ministry said:\r\n\r\n- 12 substations were hit\r\n- 3,000 households lost power\r\n";
    expect(found(text)).toEqual([]);
  });
});

describe("long runs of spaces", () => {
  it("keep offsets exact after a run the parser sees shortened, with CRLF line ends", () => {
    const text = "Kyiv" + " ".repeat(5000) + "lost 40 tanks.\r\n\r\n| Region | Losses |\r\n| --- | --- |\r\n| Sumy | 12 tanks |\r\n";
    expect(found(text)).toEqual([
      ["unattributed-figure", "40 tanks"],
      ["unattributed-figure", "12 tanks"],
    ]);
  });
});
