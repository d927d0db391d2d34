/**
 * Checks a parsed reference file entry by entry. A user's extra reference file is edited by
 * hand, so one bad entry must not cost the rest: an invalid fact is dropped and reported,
 * its system and the other facts stay. The reference must also agree with itself: a fact
 * or event listed twice, or a fact that contradicts one already read, is reported and left
 * out, and the first one read stays (the bundled reference first, then each extra file in
 * order, each file from the top).
 */
import { didYouMean } from "../config/did-you-mean";
import { childPointer as child } from "../config/json";
import { SPEC_TOLERANCE } from "../core/comparison";
import { deviationFrom, unitOf } from "../core/units";
import {
  QUALIFIERS,
  SPEC_ATTRIBUTES,
  type Qualifier,
  type Reference,
  type ReferenceEvent,
  type ReferenceFact,
  type SourceArticle,
  type SpecAttribute,
  type WeaponSystem,
} from "./types";

/** One thing wrong in a reference file; `pointer` is a JSON pointer into that file. */
export interface ReferenceProblem {
  path: string;
  pointer: string;
  message: string;
  /** 1-based position of the problem in the file (`pointer`'s place, or the syntax error), when the file could be read. */
  line?: number;
  column?: number;
}

/** A Record, so the compiler fails here when ReferenceEvent gains or loses a kind. */
const EVENT_KIND_SET: Record<ReferenceEvent["kind"], true> = {
  approval: true,
  restriction: true,
  delivery: true,
  request: true,
  statement: true,
};
export const EVENT_KINDS = Object.keys(EVENT_KIND_SET) as ReferenceEvent["kind"][];

/** Provenance phrases stay short: a quotation for checking, never a copied paragraph. */
export const MAX_EVIDENCE_WORDS = 12;

/** YYYY, YYYY-MM or YYYY-MM-DD, or a period "start/end" of those. */
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?(\/\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/;

const TOP_KEYS = ["$schema", "sources", "systems"];
const SOURCE_KEYS = ["id", "file", "headline", "outlet", "date", "dateNote"];
const SYSTEM_KEYS = ["id", "name", "aliases", "kind", "origin", "facts", "events"];
const FACT_KEYS = ["attribute", "value", "unit", "qualifier", "source", "evidence"];
const EVENT_KEYS = ["kind", "date", "summary", "source", "evidence", "value", "unit"];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/**
 * Validates `raw` (a parsed reference file at `path`). With `base`, the reference the file
 * will be merged over, facts may cite base sources and a system whose id is in base extends
 * it: its name, kind and origin may then be left out.
 */
export function validateReference(
  raw: unknown,
  path: string,
  base?: Reference,
): { reference: Reference; problems: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  const report = (pointer: string, message: string) => problems.push({ path, pointer, message });
  const reference: Reference = { sources: [], systems: [] };

  if (!isObject(raw)) {
    report("", 'expected a JSON object with "sources" and "systems"');
    return { reference, problems };
  }
  unknownKeys(raw, TOP_KEYS, "", report);

  const baseSources = new Map((base?.sources ?? []).map((s) => [s.id, s]));
  const sourceIds = new Set(baseSources.keys());
  for (const [i, item] of arrayAt(raw, "sources", "", report).entries()) {
    const source = checkSource(item, child("/sources", i), report);
    if (!source) continue;
    const pointer = child(child("/sources", i), "id");
    const known = baseSources.get(source.id);
    if (known && JSON.stringify(known) !== JSON.stringify(source)) {
      report(pointer, `source "${source.id}" is already defined differently; give this one another id`);
    } else if (!known && sourceIds.has(source.id)) {
      report(pointer, `duplicate source id "${source.id}"; ids must be unique`);
    } else if (!known) {
      sourceIds.add(source.id);
      reference.sources.push(source);
    }
  }

  const baseSystems = new Map((base?.systems ?? []).map((s) => [s.id, s]));
  // Every name a draft can use for a system, to catch one name claimed by two systems.
  const owner = new Map<string, string>();
  for (const s of base?.systems ?? []) for (const n of [s.name, ...s.aliases]) owner.set(n, s.id);
  const seen = new Set<string>();

  for (const [i, item] of arrayAt(raw, "systems", "", report).entries()) {
    const at = child("/systems", i);
    if (!isObject(item)) {
      report(at, "expected an object describing one weapon system");
      continue;
    }
    unknownKeys(item, SYSTEM_KEYS, at, report);
    if (!isText(item.id)) {
      report(child(at, "id"), "needs an id: a non-empty string such as \"atacms\"");
      continue;
    }
    if (seen.has(item.id)) {
      report(child(at, "id"), `duplicate system id "${item.id}"; merge the two entries`);
      continue;
    }
    const extended = baseSystems.get(item.id);
    const name = textField(item, "name", at, report, extended?.name);
    const kind = textField(item, "kind", at, report, extended?.kind);
    const origin = textField(item, "origin", at, report, extended?.origin);
    if (name === undefined || kind === undefined || origin === undefined) continue;
    if (extended)
      for (const key of ["name", "kind", "origin"] as const)
        if (item[key] !== undefined && item[key] !== extended[key])
          report(child(at, key), `system "${item.id}" already has ${key} "${extended[key]}"; leave "${key}" out to extend it`);
    if (!extended && owner.has(name) && owner.get(name) !== item.id) {
      report(child(at, "name"), `"${name}" already names system "${owner.get(name)}"; use that id to extend it`);
      continue;
    }
    seen.add(item.id);
    owner.set(name, item.id);

    const aliases: string[] = [];
    for (const [j, alias] of arrayAt(item, "aliases", at, report).entries()) {
      const ap = child(child(at, "aliases"), j);
      if (!isText(alias)) report(ap, "an alias must be a non-empty string");
      else if (owner.has(alias) && owner.get(alias) !== item.id)
        report(ap, `alias "${alias}" already belongs to system "${owner.get(alias)}"; remove it from one of them`);
      else if (aliases.includes(alias) || alias === name) report(ap, `alias "${alias}" is listed twice`);
      else {
        owner.set(alias, item.id);
        aliases.push(alias);
      }
    }
    const keptFacts: Kept<ReferenceFact>[] = (extended?.facts ?? []).map((entry) => ({ entry }));
    const facts: ReferenceFact[] = [];
    for (const [j, raw] of arrayAt(item, "facts", at, report).entries()) {
      const fp = child(child(at, "facts"), j);
      const fact = checkFact(raw, fp, sourceIds, report);
      if (!fact) continue;
      const clash = factClash(fact, name, keptFacts);
      if (clash) report(fp, clash);
      else {
        keptFacts.push({ entry: fact, pointer: fp });
        facts.push(fact);
      }
    }
    const keptEvents: Kept<ReferenceEvent>[] = (extended?.events ?? []).map((entry) => ({ entry }));
    const events: ReferenceEvent[] = [];
    for (const [j, raw] of arrayAt(item, "events", at, report).entries()) {
      const ep = child(child(at, "events"), j);
      const event = checkEvent(raw, ep, sourceIds, report);
      if (!event) continue;
      const same = keptEvents.find((k) => JSON.stringify(k.entry) === JSON.stringify(event));
      if (same) report(ep, `the same event is already ${whereKept(same)}; this one is left out`);
      else {
        keptEvents.push({ entry: event, pointer: ep });
        events.push(event);
      }
    }
    const system: WeaponSystem = { id: item.id, name, aliases, kind, origin, facts, events };
    reference.systems.push(system);
  }
  return { reference, problems };
}

type Report = (pointer: string, message: string) => void;

function unknownKeys(obj: Json, allowed: string[], at: string, report: Report): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) report(child(at, key), `unknown key "${key}"${didYouMean(key, allowed) || `; expected one of ${allowed.join(", ")}`}`);
}

/** A fact or event already in the system, with where this file lists it (none: the reference it extends). */
interface Kept<T> {
  entry: T;
  pointer?: string;
}

/** Where a kept entry is, after "already": in this file at its pointer, or in the reference this file extends. */
const whereKept = (kept: Kept<unknown>) => (kept.pointer ? `listed at ${kept.pointer}` : "in the reference");

/** Qualifiers that make a value a floor: "at least 300 km" agrees with any range above it. */
const LOWER_BOUNDS: readonly Qualifier[] = ["at least", "more than"];

/**
 * Why `fact` cannot join the facts kept for its system, or undefined when it can. A second
 * source giving the same value is welcome; the same source giving it twice is a duplicate;
 * two values a draft could not agree with at once (more than the spec-conflict tolerance
 * apart) conflict, since the draft would pass against either.
 */
function factClash(fact: ReferenceFact, system: string, kept: Kept<ReferenceFact>[]): string | undefined {
  for (const k of kept) {
    const other = k.entry;
    if (other.attribute !== fact.attribute) continue;
    const same = other.value === fact.value && other.unit === fact.unit && other.qualifier === fact.qualifier;
    if (same && other.source === fact.source) return `the same fact is already ${whereKept(k)}; this one is left out`;
    if (conflicting(fact, other))
      return `${system} ${fact.attribute} "${describeFact(fact)}" conflicts with "${describeFact(other)}" (source "${other.source}"), already ${whereKept(k)}; the first one read is kept and this one is left out`;
  }
  return undefined;
}

/** Whether a draft's value could not agree with both facts: two values, or a floor and a value under it, too far apart. */
function conflicting(fact: ReferenceFact, other: ReferenceFact): boolean {
  const a = magnitude(fact);
  const b = magnitude(other);
  if (a.dimension !== b.dimension) return false;
  const aFloor = LOWER_BOUNDS.includes(fact.qualifier);
  const bFloor = LOWER_BOUNDS.includes(other.qualifier);
  if (aFloor && bFloor) return false;
  if (aFloor) return b.value < a.value && deviationFrom(b.value, a.value) > SPEC_TOLERANCE;
  if (bFloor) return a.value < b.value && deviationFrom(a.value, b.value) > SPEC_TOLERANCE;
  // Measured against the fact already kept, as a draft's value is measured against the reference.
  return deviationFrom(a.value, b.value) > SPEC_TOLERANCE;
}

/** A fact's value in its dimension's base unit; money and counts stay in their own unit ("USD", "persons"). */
function magnitude(fact: ReferenceFact): { value: number; dimension: string } {
  const unit = unitOf(fact.unit);
  return unit ? { value: fact.value * unit.factors[0], dimension: unit.dimension } : { value: fact.value, dimension: fact.unit.toUpperCase() };
}

const describeFact = (f: ReferenceFact) => `${f.qualifier === "exact" ? "" : `${f.qualifier} `}${f.value} ${f.unit}`;

/** An optional array field: missing means empty, anything else but an array is reported. */
function arrayAt(obj: Json, key: string, at: string, report: Report): unknown[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  report(child(at, key), `"${key}" must be an array`);
  return [];
}

function textField(obj: Json, key: string, at: string, report: Report, fallback?: string): string | undefined {
  const v = obj[key];
  if (isText(v)) return v;
  if (v === undefined && fallback !== undefined) return fallback;
  report(child(at, key), v === undefined ? `missing "${key}"` : `"${key}" must be a non-empty string`);
  return undefined;
}

function checkSource(item: unknown, at: string, report: Report): SourceArticle | undefined {
  if (!isObject(item)) {
    report(at, "expected an object describing one source article");
    return undefined;
  }
  unknownKeys(item, SOURCE_KEYS, at, report);
  const [id, file, headline, date] = ["id", "file", "headline", "date"].map((k) => textField(item, k, at, report));
  if (date !== undefined && !DATE.test(date)) report(child(at, "date"), 'date must look like "2024", "2024-11", "2024-11-17" or "2022-07/2023-06"');
  const optional: Partial<SourceArticle> = {};
  for (const k of ["outlet", "dateNote"] as const) {
    if (item[k] === undefined) continue;
    if (isText(item[k])) optional[k] = item[k];
    else report(child(at, k), `"${k}" must be a non-empty string when given`);
  }
  if (id === undefined || file === undefined || headline === undefined || date === undefined || !DATE.test(date))
    return undefined;
  return { id, file, headline, ...optional, date };
}

/** Checks what facts and events share: the source they cite and the phrase quoted from it. */
function checkProvenance(item: Json, at: string, sourceIds: Set<string>, report: Report): boolean {
  let ok = true;
  const source = textField(item, "source", at, report);
  if (source === undefined) ok = false;
  else if (!sourceIds.has(source)) {
    report(child(at, "source"), `no source has id "${source}"; add it to "sources" or fix the id`);
    ok = false;
  }
  const evidence = textField(item, "evidence", at, report);
  if (evidence === undefined) ok = false;
  else if (wordCount(evidence) > MAX_EVIDENCE_WORDS) {
    report(child(at, "evidence"), `evidence has ${wordCount(evidence)} words; quote at most ${MAX_EVIDENCE_WORDS}`);
    ok = false;
  }
  return ok;
}

function checkFact(item: unknown, at: string, sourceIds: Set<string>, report: Report): ReferenceFact | undefined {
  if (!isObject(item)) {
    report(at, "expected an object describing one specification");
    return undefined;
  }
  unknownKeys(item, FACT_KEYS, at, report);
  let ok = checkProvenance(item, at, sourceIds, report);
  const { attribute, value, qualifier } = item;
  if (!SPEC_ATTRIBUTES.includes(attribute as SpecAttribute)) {
    report(child(at, "attribute"), `unknown attribute ${JSON.stringify(attribute)}; use one of ${SPEC_ATTRIBUTES.join(", ")}`);
    ok = false;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    report(child(at, "value"), "value must be a non-negative number (no quotes, no unit)");
    ok = false;
  }
  if (textField(item, "unit", at, report) === undefined) ok = false;
  if (!QUALIFIERS.includes(qualifier as Qualifier)) {
    report(child(at, "qualifier"), `unknown qualifier ${JSON.stringify(qualifier)}; use one of ${QUALIFIERS.join(", ")}`);
    ok = false;
  }
  if (!ok) return undefined;
  const { source, evidence, unit } = item as unknown as ReferenceFact;
  return { attribute: attribute as SpecAttribute, value: value as number, unit, qualifier: qualifier as Qualifier, source, evidence };
}

function checkEvent(item: unknown, at: string, sourceIds: Set<string>, report: Report): ReferenceEvent | undefined {
  if (!isObject(item)) {
    report(at, "expected an object describing one event");
    return undefined;
  }
  unknownKeys(item, EVENT_KEYS, at, report);
  let ok = checkProvenance(item, at, sourceIds, report);
  const { kind, value, unit } = item;
  if (!EVENT_KINDS.includes(kind as ReferenceEvent["kind"])) {
    report(child(at, "kind"), `unknown event kind ${JSON.stringify(kind)}; use one of ${EVENT_KINDS.join(", ")}`);
    ok = false;
  }
  const date = textField(item, "date", at, report);
  if (date === undefined) ok = false;
  else if (!DATE.test(date)) {
    report(child(at, "date"), 'date must look like "2024", "2024-11", "2024-11-17" or "2022-07/2023-06"');
    ok = false;
  }
  if (textField(item, "summary", at, report) === undefined) ok = false;
  // An event's figure is only meaningful with its unit: "50" alone could be miles or km.
  if (value !== undefined || unit !== undefined) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      report(child(at, "value"), "value must be a number, given together with its unit");
      ok = false;
    }
    if (!isText(unit)) {
      report(child(at, "unit"), "unit must be a non-empty string, given together with value");
      ok = false;
    }
  }
  if (!ok) return undefined;
  const { source, evidence, summary } = item as unknown as ReferenceEvent;
  const event: ReferenceEvent = { kind: kind as ReferenceEvent["kind"], date: date!, summary, source, evidence };
  if (value !== undefined) Object.assign(event, { value, unit });
  return event;
}
