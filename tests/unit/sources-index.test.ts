/**
 * Reading the writer's own source documents: every figure with its place, sentence, counted
 * thing, qualifier and attribution, and the outlet the document names.
 */
import { describe, expect, it } from "vitest";
import { buildSourceIndex } from "../../server/src/core/sources/source-index";
import { outletOf } from "../../server/src/core/sources/outlet";
import { bundledReference } from "../../server/src/reference/load";

const index = (text: string, file = "notes/report.md") => buildSourceIndex([{ file, text }], bundledReference());

describe("a source document's figures", () => {
  const text = [
    "Source: Kyiv Independent",
    "",
    "Ukraine shot down 23 drones overnight, according to the air force.",
    "",
    "Officials reported about 1,500 casualties. Russia fired more than 40 Iskander missiles.",
    "",
    "Storm Shadow can fly 250 kilometers (155 miles), the ministry said.",
    "",
    "```",
    "999 troops in a code block",
    "```",
  ].join("\n");

  it("lists each with its file, line, offset, sentence, counted thing, qualifier and attribution", () => {
    const { figures } = index(text);
    expect(figures).toEqual([
      {
        file: "notes/report.md",
        line: 3,
        offset: text.indexOf("23 drones"),
        length: "23 drones".length,
        sentence: "Ukraine shot down 23 drones overnight, according to the air force.",
        text: "23 drones",
        kind: "count",
        value: 23,
        thing: "drone",
        attribution: "the air force",
        outlet: "Kyiv Independent",
      },
      expect.objectContaining({ line: 5, text: "about 1,500 casualties", thing: "casualty", qualifier: "about", attribution: undefined }),
      // The figure's range takes one word after the number; what it counts is looked for a few words on.
      expect.objectContaining({ line: 5, sentence: "Russia fired more than 40 Iskander missiles.", text: "more than 40 Iskander", thing: "missile", qualifier: "more than", value: 40 }),
      expect.objectContaining({
        line: 7,
        text: "250 kilometers (155 miles)",
        kind: "measure",
        value: 250,
        unit: "km",
        spec: { system: "storm-shadow", attribute: "range" },
        attribution: "the ministry",
      }),
    ]);
  });

  it("reads an indented paragraph of a .txt source as prose, of a .md source as code", () => {
    const text = "    Ukraine lost 4,000 troops near Bakhmut, the ministry said.\n\n\tRussia fired 70 missiles overnight.\n";
    expect(index(text, "wire/copy.txt").figures.map((f) => f.text)).toEqual(["4,000 troops", "70 missiles"]);
    expect(index(text, "notes/report.md").figures).toEqual([]);
  });

  it("files figures by what they count or measure, so a claim finds its candidates by one lookup", () => {
    const { byKey } = index(text);
    expect([...byKey.keys()].sort()).toEqual(["count|casualty", "count|drone", "count|missile", "measure|length"]);
    expect(byKey.get("count|drone")!.map((e) => e.figure.text)).toEqual(["23 drones"]);
  });

  it("gives no attribution words where the source names no one (a vague source, or none)", () => {
    const [vague, none] = index("Officials said 300 tanks were lost.\n\nRussia lost 300 tanks.\n").figures;
    expect(vague.attribution).toBeUndefined();
    expect(none.attribution).toBeUndefined();
  });

  it("does not take a speaker that is the figure itself as its source", () => {
    const [lawmakers] = index("Kyiv needs longer-range missiles, nine lawmakers said in a letter.\n").figures;
    expect(lawmakers).toMatchObject({ text: "nine lawmakers", thing: "lawmaker", attribution: undefined });
  });

  it("reads a list under its lead-in as a draft's: the lead-in's weapon system carries into the items", () => {
    const [item] = index("What ATACMS can do:\n\n- The missile can strike targets 300 km away\n").figures;
    expect(item).toMatchObject({ line: 3, text: "300 km", spec: { system: "atacms", attribute: "range" } });
    // No colon, no lead-in: the list stands on its own.
    const [plain] = index("What ATACMS can do.\n\n- The missile can strike targets 300 km away\n").figures;
    expect(plain.spec).toBeUndefined();
  });

  it("counts lines as editors do, after CRLF line ends", () => {
    const [figure] = index("Title\r\n\r\nRussia lost 300 tanks.\r\n").figures;
    expect(figure.line).toBe(3);
  });

  it("keeps documents apart and in the order given", () => {
    const both = buildSourceIndex(
      [
        { file: "b.txt", text: "Russia lost 300 tanks.\n" },
        { file: "a.txt", text: "Ukraine lost 200 tanks.\n" },
      ],
      bundledReference(),
    );
    expect(both.figures.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual(["b.txt:1 300 tanks", "a.txt:1 200 tanks"]);
  });
});

describe("the outlet a source document names", () => {
  it("is read from a `Source:` or `Outlet:` line of its own", () => {
    expect(outletOf("Headline\nSource: Reuters\n\nBody text.\n")).toBe("Reuters");
    expect(outletOf("outlet:  The Kyiv Independent  \n\nBody.\n")).toBe("The Kyiv Independent");
  });

  it("is read from a wire credit in brackets that ends the document", () => {
    expect(outletOf("… according to the Russian Defense Ministry. (RT)\n")).toBe("RT");
    expect(outletOf("Body text. (Associated Press)")).toBe("Associated Press");
  });

  it("is not read from a bracket mid-text, a remark in brackets, or a sentence mentioning a source", () => {
    expect(outletOf("The (RT) channel said so. Then more text followed.\n")).toBeUndefined();
    expect(outletOf("Body text (see the list above).\n")).toBeUndefined();
    expect(outletOf("The source: a ministry briefing, which gave numbers.\n\nMore.\n")).toBeUndefined();
    expect(outletOf("Nothing names an outlet here.\n")).toBeUndefined();
  });

  it("is not read from a credit naming who made the story", () => {
    expect(outletOf("Body text. (Reporting by Pavel Polityuk)\n")).toBeUndefined();
    expect(outletOf("Body text. (Editing by Jane Doe)\n")).toBeUndefined();
    expect(outletOf("Body text. (By Anna Smith)\n")).toBeUndefined();
  });
});
