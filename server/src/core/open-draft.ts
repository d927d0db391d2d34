/**
 * A draft open in an editor, checked again after every edit, re-reading only what the
 * edits touched.
 *
 * The draft is read as a run of sections, one per top-level Markdown block. A section's
 * findings depend on its own text and on nothing after it; the one thing it takes from
 * before it is a lead-in: a list or table reads its attribution and weapon system from the
 * paragraph ending with a colon just before it. Everything else that carries context (a
 * pronoun into the next sentence, a quotation closed sentences later) stays within one block,
 * and directives in comments apply to the whole draft after the sections are read. So after
 * an edit:
 * - the Markdown parser reads only a stretch of the draft around the edit (see `run`);
 * - a section whose text lies wholly outside the edited stretch, and whose lead-in is the very
 *   one it was read with, keeps its findings, shifted by what the edit added or removed
 *   (sections do not hold their place in the text, so moving one costs nothing until its
 *   findings are asked for);
 * - every other section is read afresh;
 * - directives are applied again over all findings.
 * A check is a generator that yields between units of work, so a caller can spread a long
 * check over several turns of its event loop, or drop it for a newer one: a check's result
 * becomes the base for the next only when it runs to the end, and no other check's result
 * was kept meanwhile.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import type { ClaimEntry } from "./claims";
import { detached } from "./detached";
import type { DraftText } from "./draft-text";
import { coverChanges, type Change, type ChangedStretch } from "./changes";
import { readDirectives, type Silencer } from "./directives";
import { shiftFinding, type Finding } from "./finding";
import { checkedPart, DEFAULT_MAX_DRAFT_SIZE } from "./size-limit";
import { frontMatterEnd } from "./markdown/extensions";
import { DraftInput } from "./markdown/input";
import { LED_BLOCKS, leadsIn, markdownParser, readSection, type HtmlComment, type LeadIn, type SectionProse } from "./markdown/prose";

/** What reading one section's prose yields. */
export interface SectionReading {
  /** Its findings, in document order, before directives apply. */
  findings: Finding[];
  /** Its claims, in document order, with every rule that flags them (see ClaimEntry). */
  claims: ClaimEntry[];
}

/** The findings and claims of one top-level block, before directives apply. */
interface Section {
  /** The block's node name: Paragraph, BulletList, FencedCode… */
  type: string;
  length: number;
  /** Where the section started when it was read; its findings and comments are placed for that. */
  readAt: number;
  findings: Finding[];
  /** Placed, like the findings, for where the section started when it was read. */
  claims: ClaimEntry[];
  comments: HtmlComment[];
  /** For a list or table: the lead-in paragraph it was read with. */
  ledBy?: LeadIn;
  /** For a paragraph ending with a colon: its words, as the lead-in of a list or table after it. */
  leadsInto?: LeadIn;
  /** The findings and comments moved to where the section last started, when that was elsewhere. */
  moved?: { at: number; findings: Finding[]; comments: HtmlComment[] };
}

interface Checked {
  text: DraftText;
  frontMatterEnd: number;
  sections: Section[];
  /** Where each section starts. */
  starts: number[];
  findings: Finding[];
}

export interface StretchLengths {
  whole: number;
  afterEdit: number;
}
/**
 * A whole draft is parsed in stretches short enough that no parse holds much memory, nor
 * keeps a tree alive long enough for the collector to copy it from the young generation to
 * the old: a 1 MB check took 4% less time at 64 KB than at 256 KB.
 */
const STRETCH: StretchLengths = { whole: 64 * 1024, afterEdit: 4 * 1024 };
/** The comments of the sections without any, which are nearly all of them. */
const NO_COMMENTS: readonly HtmlComment[] = Object.freeze([]);
/** Units of work between yields: parser steps (about one block each), and sections read. */
const PARSE_STEPS = 64;
const SECTIONS_READ = 32;

export class OpenDraft {
  private checked?: Checked;
  /** The sections of the last check kept, also of a draft over the size limit, and its directives, for `claims`. */
  private listed?: Pick<Checked, "sections" | "starts"> & { silencer: Silencer };
  private edits: Change[] = [];
  /** Counts results kept as the base: a check that finishes after another one was kept is not. */
  private kept = 0;

  constructor(
    private readonly readProse: (prose: SectionProse) => SectionReading,
    /** How long the first stretch parsed is, reading a whole draft and re-reading after an edit. */
    private readonly stretch: StretchLengths = STRETCH,
    /** The most characters checked (see checkedPart). */
    private readonly limit: number = DEFAULT_MAX_DRAFT_SIZE,
  ) {}

  /** Notes an edit to the text; edits are noted in the order they were made. */
  edited(change: Change): void {
    this.edits.push(change);
  }

  /**
   * Checks `text`, the draft as it stands after every edit noted so far. Run the generator to
   * its end for the findings; a generator dropped before its end changes nothing.
   */
  check(draft: DraftText): Generator<void, Finding[], void> {
    const consumed = this.edits.length;
    const { text, notice } = checkedPart(draft, this.limit);
    if (notice) {
      // The part checked of a draft over the limit loses or gains text at its end with every
      // edit before it, so it is read whole, and nothing is kept to build on.
      this.checked = undefined;
      return this.run(text, undefined, undefined, consumed, this.kept, notice);
    }
    const base = this.checked;
    const cover = base ? usableCover(base, this.edits, text) : undefined;
    return this.run(text, base, cover, consumed, this.kept);
  }

  private *run(
    text: DraftText,
    base: Checked | undefined,
    cover: ChangedStretch | undefined,
    consumed: number,
    generation: number,
    notice?: Finding,
  ): Generator<void, Finding[], void> {
    if (base && consumed === 0 && text === base.text) return base.findings;
    const frontMatter = base && cover && frontMatterKept(base, cover) ? base.frontMatterEnd : frontMatterOf(text);
    // A changed front matter shifts what the parser sees at the top: read everything again.
    const reuse = base && cover && frontMatter === base.frontMatterEnd ? { base, cover } : undefined;
    const old = reuse ? reuse.base.sections : [];
    const oldStarts = reuse ? reuse.base.starts : [];
    const shift = reuse ? reuse.cover.toNew - reuse.cover.toOld : 0;

    // Sections well before the edit stay as they were. A block's extent can hang on the lines
    // after it (a setext underline, a list's indented continuation), so the two before the
    // edit are read again.
    const first = reuse ? Math.max(0, firstEndingAtOrAfter(old, oldStarts, reuse.cover.from - 1) - 2) : 0;
    const sections = old.slice(0, first);
    const starts = oldStarts.slice(0, first);
    let previous = lastNonComment(sections);
    let o = first;
    let read = 0;
    // The draft is parsed in stretches, each on its own. Where a stretch is cut short, its last
    // two blocks may not have their final extent yet: they are parsed again with the next
    // stretch, which starts after the last block taken. A stretch in which no block is final
    // is tried again twice as long.
    let from = first > 0 ? oldStarts[first - 1] + old[first - 1].length : 0;
    let length = reuse ? this.stretch.afterEdit : this.stretch.whole;
    for (let done = false; !done; ) {
      const to = Math.min(text.length, from + length);
      const stretch = text.slice(from, to);
      const parse = markdownParser.startParse(new DraftInput(stretch, from === 0 ? frontMatter : 0));
      let tree: Tree | null = null;
      for (let steps = 1; !(tree = parse.advance()); steps++) if (steps % PARSE_STEPS === 0) yield;
      const blocks: SyntaxNode[] = [];
      for (let node = tree.topNode.firstChild; node; node = node.nextSibling) blocks.push(node);
      done = to === text.length;
      const final = done ? blocks.length : blocks.length - 2;
      if (final <= 0) {
        length *= 2;
        continue;
      }
      for (let i = 0; i < final; i++) {
        const node = blocks[i];
        const start = from + node.from;
        const type = node.name;
        const ledBy = LED_BLOCKS.has(type) ? previous?.leadsInto : undefined;
        let section: Section | undefined;
        if (reuse) {
          const end = from + node.to;
          const oldStart = end < reuse.cover.from ? start : start > reuse.cover.toNew ? start - shift : -1;
          if (oldStart >= 0) {
            while (o < old.length && oldStarts[o] < oldStart) o++;
            const kept = old[o];
            if (kept && oldStarts[o] === oldStart && kept.length === end - start && kept.type === type && kept.ledBy === ledBy) {
              if (start > reuse.cover.toNew && type !== "CommentBlock") {
                // Past the edit, a final block that reads as before: the parser goes on over the
                // same text from the same state, and the lead-in of what follows is this block
                // or nothing (a comment passes on the lead-in of the block before it, which
                // may have changed), so the rest is as it was, moved.
                for (; o < old.length; o++) {
                  sections.push(old[o]);
                  starts.push(oldStarts[o] + shift);
                }
                done = true;
                break;
              }
              section = kept;
            }
          }
        }
        if (!section) {
          section = this.read(node, stretch, type, ledBy);
          if (++read % SECTIONS_READ === 0) yield;
        }
        sections.push(section);
        starts.push(start);
        if (type !== "CommentBlock") previous = section;
      }
      from += blocks[final - 1].to;
      // An edit that reaches far (a fence opened) needs ever longer stretches to find its end.
      if (reuse) length *= 2;
    }

    const { findings, silencer } = applyDirectives(sections, starts, text);
    if (notice) findings.push(notice);
    if (generation === this.kept) {
      if (!notice) this.checked = { text, frontMatterEnd: frontMatter, sections, starts, findings };
      this.listed = { sections, starts, silencer };
      this.edits.splice(0, consumed);
      this.kept++;
    }
    return findings;
  }

  /**
   * The draft's claims (the first `most` of them) as the last check kept read it, in document
   * order, each with the rules that flag it split into those that stand and those a directive
   * silences. Nothing is read again: the claims come from the same reading as the findings, so
   * after an edit only the sections the edit touched were read for them.
   */
  claims(most = Infinity): ClaimEntry[] {
    const listed = this.listed;
    if (!listed) return [];
    const claims: ClaimEntry[] = [];
    for (let i = 0; i < listed.sections.length && claims.length < most; i++) {
      const section = listed.sections[i];
      const by = listed.starts[i] - section.readAt;
      for (const claim of section.claims) if (claims.length < most) claims.push({ ...claim, offset: claim.offset + by });
    }
    const { silencer } = listed;
    return claims.map((claim) => {
      const silenced = claim.flaggedBy.filter((flag) => silencer.silences(flag.rule, claim.offset));
      if (silenced.length === 0) return claim;
      return { ...claim, flaggedBy: claim.flaggedBy.filter((flag) => !silenced.includes(flag)), silenced: silenced.map((flag) => flag.rule) };
    });
  }

  /** How many claims the last check kept read, listed or not. */
  claimCount(): number {
    let count = 0;
    for (const section of this.listed?.sections ?? []) count += section.claims.length;
    return count;
  }

  /**
   * The claim whose figure holds `offset`, or else the one ending there, as the last check
   * kept read it; found by a binary search over the sections, not by listing them all.
   */
  claimAt(offset: number): ClaimEntry | undefined {
    const listed = this.listed;
    if (!listed) return undefined;
    const i = firstEndingAtOrAfter(listed.sections, listed.starts, offset);
    let endingHere: ClaimEntry | undefined;
    // A claim ending at a section's end may sit in the section before the one that holds `offset`.
    for (const j of [i - 1, i]) {
      const section = listed.sections[j];
      if (!section) continue;
      const by = listed.starts[j] - section.readAt;
      for (const claim of section.claims) {
        const from = claim.offset + by;
        if (from <= offset && offset < from + claim.length) return { ...claim, offset: from };
        if (from + claim.length === offset) endingHere = { ...claim, offset: from };
      }
    }
    return endingHere;
  }

  /** Reads a section from a stretch of the draft parsed on its own (so placed for the stretch). */
  private read(node: SyntaxNode, stretch: string, type: string, ledBy: LeadIn | undefined): Section {
    const prose = readSection(node, stretch, ledBy);
    const first = prose.blocks[0];
    const { findings, claims } = this.readProse(prose);
    return {
      type,
      length: node.to - node.from,
      readAt: node.from,
      findings,
      claims,
      comments: prose.comments.length === 0 ? (NO_COMMENTS as HtmlComment[]) : prose.comments,
      ledBy,
      leadsInto: type === "Paragraph" && first && leadsIn(first) ? { text: detached(first.text), citations: first.citations } : undefined,
      moved: undefined,
    };
  }
}

/** Runs a check to its end at once, for a caller with no other work to let through between its steps. */
export function drain(run: Generator<void, Finding[], void>): Finding[] {
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * The stretch the noted edits changed, when they account for the new text; otherwise
 * (edits that do not add up to it) undefined, and the draft is read afresh.
 */
function usableCover(base: Checked, edits: readonly Change[], text: DraftText): ChangedStretch | undefined {
  const cover = coverChanges(edits);
  if (!cover) return undefined;
  const fits = cover.from >= 0 && cover.toOld <= base.text.length && base.text.length - (cover.toOld - cover.from) + (cover.toNew - cover.from) === text.length;
  return fits ? cover : undefined;
}

/**
 * Where front matter ends. It is looked for in the first LONGEST_FRONT_MATTER characters
 * only: a draft that opens with a `---` rule and never closes it must not cost a read of the
 * whole draft on every keystroke.
 */
function frontMatterOf(text: DraftText): number {
  const head = text.slice(0, 4);
  return FRONT_MATTER_START.test(head) ? frontMatterEnd(text.slice(0, Math.min(text.length, LONGEST_FRONT_MATTER))) : 0;
}
const FRONT_MATTER_START = /^\uFEFF?(?:---|\+\+\+)/;
const LONGEST_FRONT_MATTER = 64 * 1024;

/** Front matter stays as it was when the edits all lie after it, its closing line ended. */
function frontMatterKept(base: Checked, cover: ChangedStretch): boolean {
  const end = base.frontMatterEnd;
  if (end === 0 || cover.from < end) return false;
  const last = base.text.slice(end - 1, end);
  return last === "\n" || last === "\r";
}

/** Index of the first section that ends at or after `at` (the count when none does). */
function firstEndingAtOrAfter(sections: readonly Section[], starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] + sections[mid].length < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastNonComment(sections: readonly Section[]): Section | undefined {
  for (let i = sections.length - 1; i >= 0; i--) if (sections[i].type !== "CommentBlock") return sections[i];
  return undefined;
}

/** A section's findings and comments placed for a section starting at `at`. */
function placed(section: Section, at: number): { findings: Finding[]; comments: HtmlComment[] } {
  if (at === section.readAt || (section.findings.length === 0 && section.comments.length === 0)) return section;
  if (section.moved?.at !== at) {
    const by = at - section.readAt;
    section.moved = {
      at,
      findings: section.findings.map((f) => shiftFinding(f, by)),
      comments: section.comments.map((c) => ({ ...c, from: c.from + by, to: c.to + by })),
    };
  }
  return section.moved;
}

/** Every section's findings in order, less those a directive silences, and the directives that silence them. */
function applyDirectives(sections: readonly Section[], starts: readonly number[], text: DraftText): { findings: Finding[]; silencer: Silencer } {
  const findings: Finding[] = [];
  const comments: HtmlComment[] = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (section.findings.length === 0 && section.comments.length === 0) continue; // most sections
    const here = placed(section, starts[i]);
    for (let j = 0; j < here.findings.length; j++) findings.push(here.findings[j]);
    for (let j = 0; j < here.comments.length; j++) comments.push(here.comments[j]);
  }
  const silencer = readDirectives(comments, text);
  return { findings: comments.length === 0 ? findings : findings.filter((f) => !silencer.silences(f.rule, f.offset)), silencer };
}
