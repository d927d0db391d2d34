/**
 * A deterministic generator of news-style Markdown drafts for the benchmark: the same seed
 * and size give the same draft.
 *
 * Proportions. The two source articles, wire copy, have a digit in 19% and 11% of their
 * sentences (4 of 21 and 2 of 18, split by Intl.Segmenter). Drafts that thin would flatter
 * the engine, whose work grows with the figures it has to place and attribute, so these are
 * denser but keep the shape of the copy: about a third of prose sentences carry a figure,
 * about four in five of those attributed (a named source, a link, a footnote, a quoted
 * speaker or an attributed lead-in; a few only vaguely), and the rest is narrative: who met
 * whom, what was said, background, quotations. Blocks are mostly short paragraphs of one to
 * four sentences, as on the wire, among headings, lead-ins with lists, tables, block quotes,
 * footnotes, fenced code and the odd HTML comment. `describeDraft` (mix.ts) measures the
 * result, and the bench prints it.
 */
import { capital, Prose } from "./prose";
import { Random } from "./random";
import { grouped, RANGES_KM } from "./specs";
import * as V from "./vocabulary";

/** The chance that a paragraph sentence carries a figure; lists and tables add more. */
const PARAGRAPH_FIGURES = 0.3;

const AID_SOURCES = ["the Kiel Institute", "the Pentagon", "the State Department", "the European Commission", ...V.OUTLETS];

export function generateDraft(bytes: number, seed = 1): string {
  const r = new Random(seed);
  const prose = new Prose(r);
  const blocks = [frontMatter(r, seed)];
  let size = Buffer.byteLength(blocks[0]!);
  while (size < bytes) {
    const block = nextBlock(r, prose);
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return `${blocks.join("\n\n")}\n`;
}

function nextBlock(r: Random, prose: Prose): string {
  const kind = r.next();
  if (kind < 0.07) return heading(r, prose);
  if (kind < 0.13) return list(r, prose);
  if (kind < 0.16) return table(r, prose);
  if (kind < 0.2) return withFootnotes(blockQuote(r, prose), prose);
  if (kind < 0.22) return code(r, prose);
  if (kind < 0.24) return comment(r, prose);
  return withFootnotes(paragraph(r, prose), prose);
}

/** A block followed by the definitions of the footnotes its sentences cite. */
function withFootnotes(block: string, prose: Prose): string {
  return [block, ...prose.takeFootnotes()].join("\n\n");
}

function frontMatter(r: Random, seed: number): string {
  const headline = r.pick([
    `${r.pick(V.DONORS)} weighs sending ${r.pick(V.SYSTEMS)[1]} as ${r.pick(V.PLACES)} comes under fire`,
    `Congress presses for ${r.pick(V.SYSTEMS)[1]} for Ukraine`,
    `Russia steps up strikes on ${r.pick(V.PLACES)} ahead of talks in ${r.pick(V.CAPITALS)}`,
  ]);
  const date = `2024-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
  const author = r.pick(V.PEOPLE)[0];
  return `---\ntitle: "${headline}"\nauthor: ${author}\ndate: ${date}\ntags: [ukraine, weapons, ${r.pick(V.PLACES).toLowerCase()}]\nseed: ${seed}\n---\n\n# ${headline}\n\n*${r.pick(V.BACKGROUND)}*`;
}

function heading(r: Random, prose: Prose): string {
  const marks = r.chance(0.75) ? "##" : "###";
  // Now and then a heading states a figure, as section heads in live coverage do.
  if (r.chance(0.1)) return `${marks} ${prose.tally()} in a week`;
  const text = r
    .pick(V.HEADINGS)
    .replace("{place}", r.pick(V.PLACES))
    .replace("{capital}", r.pick(V.CAPITALS))
    .replace("{system}", r.pick(V.SYSTEMS)[0])
    .replace("{topic}", r.pick(V.TOPICS));
  return `${marks} ${text}`;
}

/** One to four sentences, a few hard-wrapped as some editors save them. */
function paragraph(r: Random, prose: Prose, figures = PARAGRAPH_FIGURES): string {
  const count = r.pick([1, 1, 2, 2, 2, 3, 3, 4]);
  const sentences = Array.from({ length: count }, () => prose.sentence(figures)).join(" ");
  return r.chance(0.15) ? wrap(sentences) : sentences;
}

/** A list under its lead-in paragraph, which ends with a colon and attributes the items when it names a source. */
function list(r: Random, prose: Prose): string {
  const n = r.int(3, 6);
  const kind = r.next();
  let leadIn: string;
  let items: string[];
  if (kind < 0.45) {
    const source = r.pick(V.SOURCES);
    leadIn = r.pick([
      `${capital(source)} said the overnight attack included:`,
      `According to ${source}, Russia has lost since the invasion began:`,
      `The figures for the week, as reported by ${source}:`,
    ]);
    items = Array.from({ length: n }, () => prose.tally());
  } else if (kind < 0.75) {
    leadIn = r.pick(["The lawmakers asked for:", `The package announced on ${r.pick(V.WEEKDAYS)} includes:`, "Kyiv's request list, seen by the desk, names:"]);
    items = Array.from({ length: n }, () => `${r.pick(["more", "ammunition for", "spare parts for", "training on"])} ${r.pick(V.SYSTEMS)[1]}`);
  } else if (kind < 0.9) {
    leadIn = "What we know so far:";
    items = Array.from({ length: n }, () => prose.sentence(0.35));
  } else {
    // Left unattributed, as a first draft often leaves a list of losses.
    leadIn = `Damage in ${r.pick(V.PLACES)} so far:`;
    items = Array.from({ length: n }, () => prose.tally(r.pick(["homes", "people"])));
  }
  const ordered = r.chance(0.25);
  const body = items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
  return withFootnotes(`${leadIn}\n\n${body}`, prose);
}

function table(r: Random, prose: Prose): string {
  const rows = r.int(3, 7);
  const kind = r.next();
  if (kind < 0.4) {
    const lines = Array.from({ length: rows }, () => {
      const drones = r.int(10, 190);
      return `| ${prose.date()} | ${drones} | ${r.int(0, 40)} | ${r.int(Math.floor(drones / 2), drones)} |`;
    });
    return `Ukraine's air force said it faced these attacks:\n\n| Date | Drones | Missiles | Drones shot down |\n| --- | ---: | ---: | ---: |\n${lines.join("\n")}`;
  }
  if (kind < 0.7) {
    const lines = Array.from({ length: rows }, () => `| ${r.pick(V.DONORS)} | ${r.pick(["$", "€"])}${(r.int(2, 600) / 10).toFixed(1)} billion | [${r.pick(AID_SOURCES)}](${prose.url()}) |`);
    const leadIn = r.chance(0.5) ? "Military aid pledged to Ukraine, according to the Kiel Institute:" : "Military aid pledged to Ukraine:";
    return `${leadIn}\n\n| Country | Pledged | Source |\n| --- | ---: | --- |\n${lines.join("\n")}`;
  }
  const lines = Array.from({ length: rows }, () => {
    const [system, km] = r.pick(RANGES_KM);
    return `| ${system} | ${km} km (${Math.round(km * 0.621371)} mi) | ${r.pick(V.DONORS)} |`;
  });
  const leadIn = r.chance(0.5) ? "Ranges of the systems supplied so far, as stated by their makers:\n\n" : "";
  return `${leadIn}| System | Range | Supplied by |\n| --- | --- | --- |\n${lines.join("\n")}`;
}

function blockQuote(r: Random, prose: Prose): string {
  const quoted = Array.from({ length: r.int(1, 2) }, () => paragraph(r, prose, 0.25).replace(/\n/g, "\n> "));
  return `> ${quoted.join("\n>\n> ")}`;
}

function code(r: Random, prose: Prose): string {
  const kind = r.int(0, 3);
  if (kind === 0) return `\`\`\`json\n{\n  "system": "${r.pick(V.SYSTEMS)[0]}",\n  "range_km": ${r.int(4, 60) * 5},\n  "source": "${r.pick(V.SOURCES)}"\n}\n\`\`\``;
  if (kind === 1) {
    const rows = Array.from({ length: r.int(3, 8) }, () => `2024-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")},${r.int(10, 190)},${r.int(0, 40)}`);
    return `\`\`\`csv\ndate,drones,missiles\n${rows.join("\n")}\n\`\`\``;
  }
  if (kind === 2) return `\`\`\`text\nSLUG: UKRAINE-${r.pick(V.PLACES).toUpperCase()}/\nEMBARGO: none\nWORDS: ${grouped(r.int(400, 1400))}\n\`\`\``;
  return `\`\`\`sh\ncurl -s '${prose.url()}.json' | jq '.drones'\n\`\`\``;
}

/** An editor's note, or a directive silencing the unattributed figure on the next line. */
function comment(r: Random, prose: Prose): string {
  const kind = r.next();
  if (kind < 0.4) return `<!-- claimlint-disable-next-line -->\n${prose.unattributedFigure()}`;
  if (kind < 0.85) return `<!-- ${r.pick(V.COMMENTS)} -->`;
  return `<!--\nNotes from the call with ${r.pick(V.SOURCES)}:\n${r.pick(V.CLAIMS)}.\n-->`;
}

/** Breaks a paragraph's lines near 80 columns, never before a word that would start a block. */
function wrap(text: string): string {
  let out = "";
  let line = 0;
  for (const word of text.split(" ")) {
    const breaks = line > 0 && line + word.length >= 80 && !/^(?:\d+[.)]|[-+*>#=|]|```)/.test(word);
    out += line === 0 ? word : breaks ? `\n${word}` : ` ${word}`;
    line = breaks ? word.length : line + word.length + (line === 0 ? 0 : 1);
  }
  return out;
}
