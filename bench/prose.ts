/**
 * Sentences for generated drafts: narrative without figures (meetings, reported speech,
 * background, quotations) and sentences with figures, which are attributed as copy
 * attributes them (a named source before or after, a link, a footnote, a quoted speaker,
 * a vague source) or left unattributed.
 */
import { Random } from "./random";
import { grouped, specClause } from "./specs";
import * as V from "./vocabulary";

/** How figure sentences are attributed (cumulative shares); the remaining 15% are not. */
const NAMED = 0.58;
const LINKED = 0.65;
const FOOTNOTED = 0.71;
const QUOTED = 0.78;
const VAGUE = 0.85;

/** First words that are lowercased when a clause follows `said` or `According to X,`. */
const COMMON_START = /^(?:A|An|About|At|The|More|Air|Each|Some|Nearly|Almost|Around)\b/;

export const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const embedded = (clause: string) => (COMMON_START.test(clause) ? clause[0]!.toLowerCase() + clause.slice(1) : clause);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export class Prose {
  /** Footnote definitions owed by the sentences written since the last call to `takeFootnotes`. */
  private footnotes: string[] = [];
  private nextFootnote = 1;

  constructor(private readonly r: Random) {}

  /** A sentence for a paragraph: with a figure with probability `figures`, narrative otherwise. */
  sentence(figures: number): string {
    return this.r.chance(figures) ? this.figureSentence() : this.narrative();
  }

  takeFootnotes(): string[] {
    const owed = this.footnotes;
    this.footnotes = [];
    return owed;
  }

  /** A sentence without a figure (a date or a designation such as F-16 may still carry digits). */
  private narrative(): string {
    const r = this.r;
    const [name, role] = r.pick(V.PEOPLE);
    const n = r.int(0, 23);
    if (n < 3)
      return r.pick([
        `${name}, ${role}, met ${this.someoneBut(name)} in ${r.pick(V.CAPITALS)} on ${r.pick(V.WEEKDAYS)} to discuss ${r.pick(V.TOPICS)}.`,
        `${name} travelled to ${r.pick(V.CAPITALS)} for talks on ${r.pick(V.TOPICS)}.`,
        `Defence ministers meeting in ${r.pick(V.CAPITALS)} agreed to speed up work on ${r.pick(V.TOPICS)}.`,
      ]);
    if (n < 6)
      return r.pick([
        `${name}, ${role}, said ${r.pick(V.CLAIMS)}.`,
        `${name}, ${role}, told ${r.pick(V.OUTLETS)} that ${r.pick(V.CLAIMS)}.`,
        `Speaking in ${r.pick(V.CAPITALS)} on ${r.pick(V.WEEKDAYS)}, ${name} said ${r.pick(V.CLAIMS)}.`,
      ]);
    if (n < 8) return `${capital(r.pick(V.SOURCES))} said ${r.pick(V.CLAIMS)}.`;
    if (n < 12) return r.pick(V.BACKGROUND);
    if (n < 16) return this.quote(r.pick(V.QUOTES));
    if (n < 19) {
      const many = r.pick(V.SYSTEMS)[1];
      return r.pick([
        `${r.pick(V.DONORS)} has since supplied an unspecified number of ${many}.`,
        `Kyiv has long asked its allies for ${many}.`,
        `Moscow has repeatedly warned the West against supplying ${many}.`,
        `The first ${many} arrived in Ukraine ${r.pick(V.WHEN)}, ${r.pick(V.OUTLETS)} reported.`,
      ]);
    }
    if (n < 22)
      return r.pick([
        `In ${r.pick(V.MONTHS)}, Russia launched an offensive towards ${r.pick(V.PLACES)}.`,
        `Fighting continued around ${r.pick(V.PLACES)} as Russian forces pushed towards ${r.pick(V.PLACES)}.`,
        `${r.pick(V.PLACES)} has been under near-constant shelling since the spring.`,
        `Ukrainian forces crossed into the ${r.pick(V.RUSSIAN_REGIONS)} region ${r.pick(V.WHEN)}.`,
      ]);
    if (n < 23) return r.chance(0.5) ? `${name} did not respond to a request for comment.` : `On ${this.date()}, ${name}, ${role}, visited ${r.pick(V.PLACES)}.`;
    return r.pick([
      "The ministry publishes its daily tallies in a spreadsheet, `daily_losses.xlsx`, which is updated each morning.",
      "Stories on the war carry the `ukraine-war` tag in the wire's system.",
      `The figures are posted on the ministry's channel under \`#${slug(r.pick(V.PLACES))}\`.`,
      `The full text of the letter was [published by ${r.pick(V.OUTLETS)}](${this.url()}).`,
    ]);
  }

  /** A sentence with a figure, attributed in one of the usual ways or not at all. */
  private figureSentence(): string {
    const r = this.r;
    const kind = r.next();
    if (kind < 0.15) return this.spec();
    if (kind < 0.2) return this.poll();
    const clause = this.figureClause();
    const how = r.next();
    if (how < NAMED) return this.attributed(clause, r.pick(V.SOURCES));
    if (how < LINKED) return `${clause}, according to [${r.pick(V.SOURCES)}](${this.url()}).`;
    // Writers put the reference before the full stop or after it; drafts have both.
    if (how < FOOTNOTED) return r.chance(0.5) ? `${clause}${this.footnote()}.` : `${clause}.${this.footnote()}`;
    if (how < QUOTED) return this.quote(this.quotedFigure());
    if (how < VAGUE) return `${clause}, ${r.pick(V.VAGUE)}.`;
    return `${clause}.`;
  }

  /** A weapon specification, attributed four times in five. */
  private spec(): string {
    const { clause, source } = specClause(this.r);
    return this.r.chance(0.8) ? this.attributed(clause, source) : `${clause}.`;
  }

  /** A sentence with a figure and no source, as a writer leaves one before checking it. */
  unattributedFigure(): string {
    return `${this.figureClause()}.`;
  }

  /** A count of something (`1,140 troops`), as a list item or table cell states it. */
  tally(noun = this.r.pick(V.COUNTED)[0]): string {
    const [, low, high] = V.COUNTED.find(([n]) => n === noun)!;
    const n = this.r.int(low, high);
    // Large counts are reported rounded.
    return `${grouped(n > 1000 ? Math.round(n / 100) * 100 : n)} ${noun}`;
  }

  /** A figure clause (no closing punctuation), starting with a capital. */
  private figureClause(): string {
    const r = this.r;
    const money = () => `${r.pick(["$", "€", "£"])}${r.chance(0.7) ? `${(r.int(2, 600) / 10).toFixed(1)} billion` : `${r.int(50, 950)} million`}`;
    const percent = () => `${r.int(3, 92)}%`;
    const place = r.pick(V.PLACES);
    switch (r.int(0, 14)) {
      case 0:
        return `Russia launched ${this.tally(r.pick(["drones", "Shahed drones"]))} and ${this.tally(r.pick(["cruise missiles", "ballistic missiles"]))} at ${place} ${r.pick(V.WHEN)}`;
      case 1: {
        const launched = r.int(20, 190);
        return `Air defences shot down ${r.int(Math.floor(launched / 2), launched)} of the ${launched} drones launched ${r.pick(V.WHEN)}`;
      }
      case 2:
        return `${r.pick(["Russia", "Ukraine"])} has lost more than ${this.tally("troops")} ${r.pick(["this week", "since the offensive began", "near " + place, "this month"])}`;
      case 3:
        return `At least ${r.int(2, 60)} civilians were killed and ${r.int(5, 200)} injured in ${place} ${r.pick(V.WHEN)}`;
      case 4:
        return `About ${this.tally("people")} have left ${place} since ${r.pick(V.MONTHS)}`;
      case 5:
        return `${r.pick(V.DONORS)} has pledged ${money()} in military aid since ${r.pick(V.MONTHS)} 2022`;
      case 6:
        return `The new package is worth ${money()} and includes ammunition for ${r.pick(V.SYSTEMS)[1]}`;
      case 7:
        return `Russian strikes have knocked out about ${percent()} of Ukraine's generating capacity`;
      case 8:
        return `Ukraine exported ${(r.int(10, 90) / 10).toFixed(1)} million tonnes of grain through its Black Sea ports in ${r.pick(V.MONTHS)}`;
      case 9:
        return `The front line now runs about ${r.int(4, 60)} kilometres from ${place}`;
      case 10:
        return `More than ${(r.int(30, 65) / 10).toFixed(1)} million Ukrainians have registered for temporary protection in the EU`;
      case 11:
        return `Ukraine and Russia exchanged ${r.int(20, 250)} prisoners each ${r.pick(V.WHEN)}`;
      case 12:
        return `Russian forces are firing about ${this.tally("artillery shells")} a day near ${place}`;
      case 13:
        return `Some ${this.tally("homes")} and ${r.int(2, 90)} schools have been damaged in ${place} since ${r.pick(V.MONTHS)}`;
      default:
        return `Some ${this.tally(r.pick(["tanks", "armoured vehicles", "artillery systems"]))} were destroyed near ${place} ${r.pick(V.WHEN)}`;
    }
  }

  /** A poll finding: its own sentence shapes, since a poll attributes as `a … poll found`. */
  private poll(): string {
    const r = this.r;
    const finding = `${r.int(3, 92)}% of Ukrainians ${r.pick(["oppose any territorial concessions", "trust the armed forces", "support joining Nato", "expect the war to last at least another year", "have a relative at the front"])}`;
    return r.chance(0.5) ? `A ${r.pick(V.POLLSTERS)} poll found that ${finding}.` : `${capital(finding)}, according to a survey by the ${r.pick(V.POLLSTERS)}.`;
  }

  private attributed(clause: string, source: string): string {
    const r = this.r;
    const form = r.int(0, 3);
    if (form === 0) return `${clause}, ${source} said.`;
    if (form === 1) return `${clause}, according to ${source}.`;
    if (form === 2) return `According to ${source}, ${embedded(clause)}.`;
    return `${capital(source)} said ${embedded(clause)}.`;
  }

  /** A quotation with its speaker named before or after it. */
  private quote(words: string): string {
    const r = this.r;
    const [name, role] = r.pick(V.PEOPLE);
    const form = r.int(0, 3);
    if (form === 0) return `“${words},” ${name}, ${role}, ${r.pick(V.SPEECH)}.`;
    if (form === 1) return `“${words},” ${name} ${r.pick(V.SPEECH)}.`;
    if (form === 2) return `${name} ${r.pick(V.SPEECH)}: “${words}.”`;
    return `“${words}. ${r.pick(V.QUOTES)},” ${name} said.`;
  }

  private quotedFigure(): string {
    const r = this.r;
    return r.pick([
      `We lost ${r.int(3, 40)} ${r.pick(["tanks", "vehicles", "men", "launchers"])} in one week`,
      `They fired ${r.int(20, 150)} drones at us in one night`,
      `We need at least ${r.int(5, 20)} more Patriot batteries`,
      `We have ${r.int(200, 2000)} shells a day, and they have ten times that`,
      `Only ${r.int(2, 6)} of our ${r.int(7, 12)} launchers are working`,
    ]);
  }

  /** A footnote reference; its definition is owed until `takeFootnotes`. */
  private footnote(): string {
    const r = this.r;
    const label = this.nextFootnote++;
    const kind = r.pick(["daily update", "statement on Telegram", "press briefing", "report"]);
    this.footnotes.push(`[^${label}]: ${capital(r.pick(V.SOURCES))}, ${kind}, ${this.date()} ${r.int(2022, 2025)}.`);
    return `[^${label}]`;
  }

  /** Someone other than `name`, so nobody meets themselves. */
  private someoneBut(name: string): string {
    const i = V.PEOPLE.findIndex(([n]) => n === name);
    return V.PEOPLE[(i + this.r.int(1, V.PEOPLE.length - 1)) % V.PEOPLE.length]![0];
  }

  /** A day and month, as `14 May`. */
  date(): string {
    return `${this.r.int(1, 28)} ${this.r.pick(V.MONTHS)}`;
  }

  url(): string {
    const r = this.r;
    return `https://news.example.org/${r.int(2022, 2025)}/${String(r.int(1, 12)).padStart(2, "0")}/${slug(r.pick(V.PLACES))}-${slug(r.pick(V.TOPICS))}`;
  }
}
