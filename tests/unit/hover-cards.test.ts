/**
 * Hover cards: the Markdown shown over a flagged claim and over a weapon system's name,
 * on inline drafts with the bundled reference and the real checker.
 */
import MarkdownIt from "markdown-it";
import { describe, it, expect } from "vitest";
import { createChecker } from "../../server/src/core/checker";
import type { Finding } from "../../server/src/core/finding";
import { buildSourceIndex, type SourceFigure } from "../../server/src/core/sources/source-index";
import { createWeaponMatcher } from "../../server/src/core/weapons";
import { bundledReference, mergeReferences } from "../../server/src/reference/load";
import { validateReference } from "../../server/src/reference/schema";
import type { Reference } from "../../server/src/reference/types";
import { findingCard, hoverCardAt, weaponCard } from "../../server/src/lsp/hover-cards";
import { markdownToPlainText } from "../../server/src/lsp/plain-text";
import { bundledChecker } from "./support";

const reference = bundledReference();
const weapons = createWeaponMatcher(reference);
const RT_HEADLINE = "President Biden faces growing pressure to approve longer-range missiles and fighter jets for Kiev";

/** The card at `delta` characters into the first `needle` of `text`, with the checker's findings. */
function hover(text: string, needle: string, delta = 0, findings: readonly Finding[] = bundledChecker.check(text)) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the draft`);
  return hoverCardAt(text, at + delta, findings, reference, weapons);
}

/** The text a card's range covers. */
const spanOf = (text: string, card: { offset: number; length: number } | undefined) => card && text.slice(card.offset, card.offset + card.length);

/** The part of a card between a bold heading and the next one (or the end). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`**${heading}**`);
  expect(start, `no "${heading}" section`).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf("\n**", start + heading.length + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe("weapon cards", () => {
  const text = "Kyiv wants ATACMS before the winter.";

  it("a name shows the system's specs with their source and the name's span", () => {
    const card = hover(text, "ATACMS", 2);
    expect(spanOf(text, card)).toBe("ATACMS");
    expect(card!.markdown).toMatch(/^### ATACMS \(Army Tactical Missile System\)/);
    const specs = section(card!.markdown, "Specifications");
    expect(specs).toContain("up to 300 km (186 mi)");
    expect(specs).toContain("nearly 190 mi (306 km)");
    expect(specs).toContain(`RT · *${RT_HEADLINE}* · June 2023`);
    expect(specs).toContain("“strike targets as far as 300 kilometers (190 miles) away”");
    expect(card!.markdown).toContain("*Tactical ballistic missile · US*");
  });

  it("the first and the last character of a name both give its card", () => {
    expect(spanOf(text, hover(text, "ATACMS", 0))).toBe("ATACMS");
    expect(spanOf(text, hover(text, "ATACMS", "ATACMS".length - 1))).toBe("ATACMS");
  });

  it("the position just after a name (a resting cursor) gives its card; the one before it does not", () => {
    expect(spanOf(text, hover(text, "ATACMS", "ATACMS".length))).toBe("ATACMS");
    expect(hover(text, "ATACMS", -1)).toBeUndefined();
  });

  it("a span starting where a name ends wins over the name", () => {
    const draft = "F-16 jets";
    const other: Finding = { rule: "unattributed-figure", severity: "warning", offset: 4, length: 5, message: "m", fixes: [] };
    const card = hoverCardAt(draft, 4, [other], reference, weapons);
    expect(spanOf(draft, card)).toBe(" jets");
    expect(card!.markdown).not.toContain("### F-16");
  });

  it.each([
    ["Army Tactical Missile System", "The Army Tactical Missile System is in demand."],
    ["MGM-140", "An MGM-140 was seen on the road."],
  ])("an alias (%s) gives the ATACMS card over the alias", (alias, draft) => {
    const card = hover(draft, alias, 3);
    expect(spanOf(draft, card)).toBe(alias);
    expect(card!.markdown).toMatch(/^### ATACMS/);
    // The plural spelling is for the matcher; the card's names show each name once.
    const names = card!.markdown.slice(0, card!.markdown.indexOf("**Specifications**"));
    expect(names).toContain("also: MGM-140\n");
    expect(names).not.toContain("Missile Systems");
  });

  it("a name wrapped over two lines is still one name", () => {
    const draft = "Kyiv asked for the Army Tactical\nMissile System again.";
    expect(spanOf(draft, hover(draft, "Missile"))).toBe("Army Tactical\nMissile System");
  });

  it("a plain word, and lowercase `patriots`, give no card", () => {
    const draft = "The patriots marched to the square.";
    expect(hover(draft, "marched", 2)).toBeUndefined();
    expect(hover(draft, "patriots", 2)).toBeUndefined();
  });

  it("HIMARS: the 50-mile restriction is an event, not a specification", () => {
    const card = hover("HIMARS were sent.", "HIMARS")!.markdown;
    const specs = section(card, "Specifications");
    expect(specs).toContain("no specifications for HIMARS");
    expect(specs).not.toContain("50");
    const events = section(card, "Events");
    expect(events).toContain("May 2024 · restriction · 50 mi (80.5 km)");
    expect(events).toContain("“albeit with a restricted range of 50 miles”");
  });

  it("a system without facts says its specs cannot be checked", () => {
    const patriot = reference.systems.find((s) => s.id === "patriot")!;
    expect(weaponCard(patriot, reference)).toContain("The reference has no specifications for Patriot, so its specs cannot be checked.");
  });
});

describe("cards from a user's reference", () => {
  const tiny: Reference = {
    sources: [{ id: "s", file: "s.txt", headline: "Missiles *and* [drones]_ for Kiev", date: "2023-06-08" }],
    systems: [
      {
        id: "jdam",
        name: "JDAM",
        aliases: ["Joint Direct Attack Munition"],
        kind: "guided bomb kit",
        origin: "US",
        facts: [{ attribute: "payload", value: 227, unit: "kg", qualifier: "exact", source: "s", evidence: "a <b>227</b> kg `bomb`" }],
        // Out of order on purpose: the card sorts them.
        events: [
          { kind: "delivery", date: "2024-02", summary: "Delivered.", source: "s", evidence: "first kits arrived" },
          { kind: "approval", date: "2022-07/2023-06", summary: "Approved.", source: "s", evidence: "approved the kits" },
        ],
      },
    ],
  };
  const card = weaponCard(tiny.systems[0]!, tiny);

  it("Markdown in a headline or evidence is escaped, not rendered", () => {
    expect(card).toContain("*Missiles \\*and\\* \\[drones\\]\\_ for Kiev*");
    expect(card).not.toContain("*and*");
    expect(card).toContain("“a \\<b\\>227\\</b\\> kg \\`bomb\\`”");
  });

  it("a full date is written as a newsroom would; mass converts to pounds", () => {
    expect(card).toContain("· 8 June 2023");
    expect(card).toContain("**Payload:** 227 kg (500 lb)");
  });

  it("events are listed by date, oldest first; a period reads as a range", () => {
    const events = section(card, "Events");
    expect(events).toContain("**July 2022 – June 2023 · approval:** Approved.");
    expect(events.indexOf("· approval:")).toBeLessThan(events.indexOf("February 2024 · delivery:"));
  });

  it("a source with no outlet is cited by its headline alone", () => {
    expect(card).toMatch(/— \*Missiles/);
  });
});

describe("finding cards", () => {
  const text = "Kyiv received ATACMS last autumn. The missile can strike targets 500 km away.";

  it("a flagged 500 km shows the stated and the reference value, the source and the docs link", () => {
    const card = hover(text, "500", 1);
    expect(spanOf(text, card)).toBe("500 km");
    const md = card!.markdown;
    expect(md).toContain("**Stated:** 500 km · **Reference (range):** up to 300 km (186 mi)");
    expect(md).toContain(`RT · *${RT_HEADLINE}* · June 2023`);
    expect(md).toContain("[rule docs](https://github.com/claimlint/claimlint/blob/main/docs/rules.md#spec-conflict)");
    expect(md).toContain("Quick fixes: Use the reference value (300 km)");
    // Both rules flag the span; the error comes first, and no weapon card (no name here).
    expect(md.indexOf("**spec-conflict**")).toBeGreaterThanOrEqual(0);
    expect(md.indexOf("**spec-conflict**")).toBeLessThan(md.indexOf("**unattributed-spec**"));
    expect(md).not.toContain("### ATACMS");
  });

  it("a spec that agrees offers the source to cite", () => {
    const draft = "ATACMS can strike targets up to 300 km away.";
    const [finding] = bundledChecker.check(draft);
    const md = findingCard(finding!, draft);
    expect(md).toContain("**unattributed-spec**");
    expect(md).toContain("**Stated:** up to 300 km");
    expect(md).toContain("Quick fixes: Attribute to RT · Add attribution…");
    expect(md).toContain("A weapon-specification statement that does not say where it comes from.");
  });

  it("a name inside a flagged span gives the finding card, a rule, then the weapon card", () => {
    const draft = "Kyiv got 20 ATACMS this year.";
    const onName = hover(draft, "ATACMS", 1);
    expect(spanOf(draft, onName)).toBe("20 ATACMS");
    const [findingPart, weaponPart, ...rest] = onName!.markdown.split("\n\n---\n\n");
    expect(rest).toEqual([]);
    expect(findingPart).toContain("**unattributed-figure**");
    expect(weaponPart).toMatch(/^### ATACMS/);
    // On the number, only the finding.
    expect(hover(draft, "20")!.markdown).not.toContain("### ATACMS");
  });
});

describe("large drafts", () => {
  it("a hover near the end of a 2 MB draft gives the right card", () => {
    const filler = "The talks went on through the night and the delegates left without a statement.\n\n";
    const tail = "Kyiv received MGM-140 missiles. The missile can strike targets 500 km away.\n";
    const draft = filler.repeat(Math.ceil(2_000_000 / filler.length)) + tail;
    const findings = bundledChecker.check(draft);
    const onAlias = hover(draft, "MGM-140", 4, findings);
    expect(spanOf(draft, onAlias)).toBe("MGM-140");
    expect(onAlias!.offset).toBeGreaterThan(2_000_000);
    expect(onAlias!.markdown).toMatch(/^### ATACMS/);
    const onFigure = hover(draft, "500 km", 0, findings);
    expect(spanOf(draft, onFigure)).toBe("500 km");
    expect(onFigure!.markdown).toContain("**Reference (range):** up to 300 km (186 mi)");
  });
});

describe("cards with the writer's own sources", () => {
  const wire = [
    "Ukraine has lost more than 4,000 troops in its failed attacks this week, according to the Russian Defense Ministry.",
    "",
    "ATACMS missiles can strike targets as far as 300 kilometers (190 miles) away.",
    "",
    "(RT)",
  ].join("\n");
  const checker = createChecker({ reference, sources: buildSourceIndex([{ file: "sources/wire.txt", text: wire }], reference) });
  /** The card over `needle` in `draft`, checked against the sources. */
  const cardOver = (draft: string, needle: string) => hover(draft, needle, 0, checker.check(draft))!.markdown;

  it("a figure the sources give names the file, line, sentence and attribution", () => {
    const card = cardOver("Ukraine has lost more than 4,000 troops in its failed attacks this week.", "more than");
    expect(section(card, "In your sources")).toContain(
      [
        "**In your sources**",
        "",
        "- **sources/wire.txt\\:1** “Ukraine has lost more than 4,000 troops in its failed attacks this week, according to the Russian Defense Ministry.”  ",
        "  According to the Russian Defense Ministry, as reported by RT",
        "",
      ].join("\n"),
    );
  });

  it("a figure that disagrees shows what the source says; one the source lacks shows no source", () => {
    const draft = "Ukraine has lost 5,000 troops in its failed attacks this week.\n\nRussia has massed 12,000 troops near Kharkiv.";
    expect(section(cardOver(draft, "5,000"), "Your source says otherwise")).toContain("**sources/wire.txt\\:1** “Ukraine has lost more than 4,000 troops");
    const untraced = cardOver(draft, "12,000");
    expect(untraced).toContain("**untraced-figure**");
    expect(untraced).not.toContain("sources/wire.txt");
    expect(untraced).not.toContain("In your sources");
  });

  it("a spec the source states unattributed says so, with the document's outlet", () => {
    expect(section(cardOver("ATACMS can hit targets up to 300 km away.", "up to"), "In your sources")).toContain("  Reported by RT, attributed to no one");
  });

  it("without sources, a card has no source section", () => {
    expect(hover("Ukraine has lost more than 4,000 troops in its failed attacks this week.", "more than")!.markdown).not.toContain("In your sources");
  });
});

describe("hostile drafts and reference files", () => {
  /**
   * A hover as a permissive viewer would show it: raw HTML let through, and bare URLs,
   * `www.` names and e-mail addresses made links, as GitHub-flavoured Markdown (which VS
   * Code's hovers follow) does. Whatever slips past the escaping shows up here as a tag.
   */
  const viewer = new MarkdownIt({ html: true, linkify: true });
  viewer.linkify.set({ fuzzyLink: false });
  viewer.linkify.add("www.", {
    validate: (text: string, pos: number) => /^[\w-]+(\.[\w-]+)+/.exec(text.slice(pos))?.[0].length ?? 0,
    normalize: (match: { url: string }) => void (match.url = `http://${match.url}`),
  });

  /** The only elements a card makes. */
  const CARD_TAGS = new Set(["h3", "p", "em", "strong", "ul", "li", "br", "hr", "a"]);

  const RUN_TERMINAL = "[run](command:workbench.action.terminal.new)";
  const IMAGE_TAG = '<img src=x onerror="alert(1)">';

  /**
   * Renders `markdown` and asserts it holds nothing but the card's own elements and links,
   * and that each of `shown` (data from the draft or the reference) reads as the very text it
   * was, spaces aside: not a link, an image, HTML, emphasis or a heading.
   */
  function expectInert(markdown: string, shown: string[], headings = 0) {
    const html = viewer.render(markdown);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(tags.map((t) => t[1]!.toLowerCase()).filter((name) => !CARD_TAGS.has(name))).toEqual([]);
    // The one attribute a card's elements carry is the link to the rule's docs.
    for (const attribute of tags.map((t) => t[2]!.trim()).filter(Boolean))
      expect(attribute).toMatch(/^href="https:\/\/github\.com\/claimlint\/claimlint\/blob\/main\/docs\/rules\.md#[a-z-]+"$/);
    expect(tags.filter((t) => t[0] === "<h3>")).toHaveLength(headings);
    const text = html
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ");
    for (const data of shown) expect(text).toContain(data.replace(/\s+/g, " ").trim());
    // Clients without Markdown get the same card as plain text: the data reads as written there too.
    const plain = markdownToPlainText(markdown).replace(/\s+/g, " ");
    for (const data of shown) expect(plain).toContain(data.replace(/\s+/g, " ").trim());
  }

  const headline = `Missiles ](command:workbench.action.terminal.new) ${IMAGE_TAG} **bold** \`\`\` fence\n# Heading`;
  const outlet = "[Desk](javascript:alert(1)) https://evil.example/login www.evil.example desk@evil.example";
  const kind = "![pixel](https://tracker.example/p.png) <https://evil.example/login>";
  const origin = "`tick` ``double`` <script>alert(1)</script> \\";
  const aliases = [RUN_TERMINAL, "1. numbered", "&lt;b&gt; &#60;img&#62;", "| cell | cell |", "*em* _em_ ~~gone~~"];
  const evidence = `as far as ${IMAGE_TAG} ${RUN_TERMINAL}`;
  const summary = "Approved.\n\n[ref]: command:workbench.action.terminal.new\n\n[ref] > quoted\n- listed";
  const eventUnit = "km <b>x</b>";
  /** A user's reference file as JSON would give it: every string field hostile, the schema satisfied. */
  const hostileFile = {
    sources: [{ id: "wire", file: "wire.txt", headline, outlet, date: "2024-03", dateNote: "inferred" }],
    systems: [
      {
        id: "grom",
        name: "Grom-2",
        aliases,
        kind,
        origin,
        facts: [{ attribute: "range", value: 280, unit: "km", qualifier: "up to", source: "wire", evidence }],
        events: [{ kind: "approval", date: "2024-03", summary, source: "wire", evidence, value: 50, unit: eventUnit }],
      },
    ],
  };
  const checked = validateReference(hostileFile, "hostile.json", reference);
  const hostile = mergeReferences(reference, checked.reference);
  const checker = createChecker({ reference: hostile });
  const matcher = createWeaponMatcher(hostile);
  const fromReference = [headline, outlet, kind, origin, ...aliases, evidence, summary, eventUnit];

  it("the hostile reference is a valid reference file", () => {
    expect(checked.problems).toEqual([]);
  });

  it("a weapon card shows every string of a hostile reference as text", () => {
    const draft = "Kyiv wants Grom-2 before the winter.";
    const card = hoverCardAt(draft, draft.indexOf("Grom-2"), checker.check(draft), hostile, matcher);
    expect(card!.markdown).toMatch(/^### Grom-2/);
    expectInert(card!.markdown, fromReference, 1);
  });

  it("a hostile alias in the draft gives the card, still inert", () => {
    const draft = `Kyiv wants ${RUN_TERMINAL} before the winter.`;
    const card = hoverCardAt(draft, draft.indexOf("command"), checker.check(draft), hostile, matcher);
    expect(card!.markdown).toMatch(/^### Grom-2/);
    expectInert(card!.markdown, fromReference, 1);
  });

  it("a conflict's card quotes the hostile source in its message, citation and fixes, as text", () => {
    const draft = "Grom-2 can strike targets 500 km away.";
    const findings = checker.check(draft);
    expect(findings.map((f) => f.rule)).toContain("spec-conflict");
    const card = hoverCardAt(draft, draft.indexOf("500"), findings, hostile, matcher);
    expect(card!.markdown).toContain("**spec-conflict**");
    expectInert(card!.markdown, [headline, outlet, evidence, ...findings.map((f) => f.message)]);
  });

  it("a spec that agrees offers to cite the hostile outlet; the fix title is text", () => {
    const draft = "Grom-2 can strike targets up to 280 km away.";
    const [finding] = checker.check(draft);
    expect(finding!.fixes.map((f) => f.title)).toContain(`Attribute to ${outlet}`);
    expectInert(findingCard(finding!, draft), [finding!.message, `Attribute to ${outlet}`]);
  });

  it("a draft's own text in a finding's span, message and fix titles is shown as text", () => {
    const draft = `Troops ${RUN_TERMINAL} ${IMAGE_TAG}\n# Heading\n\`\`\`\n[x]: command:workbench.action.terminal.new`;
    const finding: Finding = {
      rule: "unattributed-figure",
      severity: "warning",
      offset: 0,
      length: draft.length,
      message: `“${draft}”: no source in this sentence.`,
      fixes: [{ kind: "add-attribution", title: `Attribute to ${IMAGE_TAG}`, edits: [] }],
      related: [{ system: "grom", fact: hostile.systems.find((s) => s.id === "grom")!.facts[0]!, source: hostile.sources.find((s) => s.id === "wire")! }],
    };
    expectInert(findingCard(finding, draft), [draft, finding.message, `Attribute to ${IMAGE_TAG}`, headline, outlet, evidence]);
  });

  it("a hostile source document's name, sentence, attribution and outlet are shown as text", () => {
    const figure = (n: number): SourceFigure => ({
      file: `notes/\`x\` ${RUN_TERMINAL}\n# ${n}.txt`,
      line: n,
      offset: 0,
      length: 3,
      sentence: `Troops ${IMAGE_TAG} ${RUN_TERMINAL}\n- listed [ref]: command:x`,
      text: "300",
      kind: "count",
      attribution: `the *Desk* ${RUN_TERMINAL}`,
      outlet,
    });
    const finding: Finding = { rule: "unattributed-figure", severity: "warning", offset: 0, length: 3, message: "“300”: no source.", traces: [1, 2, 3, 4].map(figure), fixes: [] };
    const card = findingCard(finding, "300 troops");
    expect(card).toContain("- and 1 more");
    expectInert(card, [figure(1).file, figure(2).file, figure(1).sentence, figure(1).attribution!, outlet]);
  });

  it("a real source document full of Markdown and links indexes, traces and shows as text", () => {
    const hostileOutlet = `<b>Desk</b> ${RUN_TERMINAL}`;
    const source = `Ukraine lost 5,000 troops ${IMAGE_TAG} ${RUN_TERMINAL} this week, according to the ministry.\n\nSource: ${hostileOutlet}\n`;
    const traced = createChecker({ reference, sources: buildSourceIndex([{ file: `${RUN_TERMINAL}.md`, text: source }], reference) });
    const draft = "Ukraine lost 5,000 troops this week.";
    const [finding] = traced.check(draft).filter((f) => f.traces);
    expect(finding!.traces![0]!.outlet).toBe(hostileOutlet);
    expectInert(findingCard(finding!, draft), [`${RUN_TERMINAL}.md`, finding!.traces![0]!.sentence, hostileOutlet]);
  });

  it("a fact citing a source the reference lacks shows the id as text", () => {
    const id = "`wire`\n# Heading ``` [run](command:workbench.action.terminal.new)";
    const grom = hostile.systems.find((s) => s.id === "grom")!;
    const card = weaponCard({ ...grom, facts: [{ ...grom.facts[0]!, source: id }], events: [] }, hostile);
    expect(card).toContain("(not in the reference)");
    expectInert(card, [id], 1);
  });
});
