/**
 * Checks a parsed reference file entry by entry. A user's extra reference file is edited by
 * hand, so one bad entry must not cost the rest: an invalid fact is dropped and reported,
 * its system and the other facts stay.
 */
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
  /** 1-based position of a JSON syntax error, for editors to point at. */
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
const child = (pointer: string, key: string | number) =>
  `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
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
    const facts = arrayAt(item, "facts", at, report)
      .map((f, j) => checkFact(f, child(child(at, "facts"), j), sourceIds, report))
      .filter((f): f is ReferenceFact => f !== undefined);
    const events = arrayAt(item, "events", at, report)
      .map((e, j) => checkEvent(e, child(child(at, "events"), j), sourceIds, report))
      .filter((e): e is ReferenceEvent => e !== undefined);
    const system: WeaponSystem = { id: item.id, name, aliases, kind, origin, facts, events };
    reference.systems.push(system);
  }
  return { reference, problems };
}

type Report = (pointer: string, message: string) => void;

function unknownKeys(obj: Json, allowed: string[], at: string, report: Report): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) report(child(at, key), `unknown key "${key}"; expected one of ${allowed.join(", ")}`);
}

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
