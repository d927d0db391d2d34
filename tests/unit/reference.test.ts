import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import bundledJson from "../../server/src/reference/reference.json";
import schemaJson from "../../schemas/reference.schema.json";
import { bundledReference, findJsonError, loadReferenceFiles, mergeReferences, systemAliases } from "../../server/src/reference/load";
import { EVENT_KINDS, validateReference } from "../../server/src/reference/schema";
import { QUALIFIERS, SPEC_ATTRIBUTES, type Reference } from "../../server/src/reference/types";

const seeds = fileURLToPath(new URL("../../../shared/seeds", import.meta.url));
const haveSeeds = existsSync(seeds);

const system = (ref: Reference, id: string) => ref.systems.find((s) => s.id === id)!;

/** A small valid reference that each error test breaks in one place. */
function minimal(): any {
  return {
    sources: [{ id: "a", file: "a.txt", headline: "Headline", date: "2024-11" }],
    systems: [
      {
        id: "atacms",
        name: "ATACMS",
        aliases: ["MGM-140"],
        kind: "tactical ballistic missile",
        origin: "US",
        facts: [
          { attribute: "range", value: 300, unit: "km", qualifier: "up to", source: "a", evidence: "as far as 300 kilometers" },
          { attribute: "range", value: 190, unit: "mi", qualifier: "nearly", source: "a", evidence: "nearly 190 miles" },
        ],
        events: [{ kind: "approval", date: "2024-11", summary: "Approved.", source: "a", evidence: "authorised Ukraine" }],
      },
      { id: "himars", name: "HIMARS", aliases: ["M142"], kind: "multiple rocket launcher", origin: "US", facts: [], events: [] },
    ],
  };
}

describe("bundled reference", () => {
  it("validates with no problems", () => {
    expect(validateReference(bundledJson, "reference.json").problems).toEqual([]);
    expect(bundledReference().systems.map((s) => s.id)).toEqual(["atacms", "himars", "storm-shadow", "f-16", "m1-abrams", "patriot"]);
  });

  it("holds the ATACMS ranges the articles state, and no spec for any other system", () => {
    const ref = bundledReference();
    expect(system(ref, "atacms").facts.map((f) => [f.value, f.unit, f.qualifier, f.source])).toEqual([
      [300, "km", "up to", "rt-2023-06-atacms-letter"],
      [190, "mi", "nearly", "biden-atacms-2024-11"],
    ]);
    for (const s of ref.systems.filter((s) => s.id !== "atacms")) expect(s.facts, s.id).toEqual([]);
  });

  it("keeps the 50-mile HIMARS restriction as an event, not a range fact", () => {
    const himars = system(bundledReference(), "himars");
    expect(himars.facts.some((f) => f.attribute === "range")).toBe(false);
    expect(himars.events).toContainEqual(expect.objectContaining({ kind: "restriction", value: 50, unit: "mi", date: "2024-05" }));
  });

  it("is frozen, so no caller can change it for the others", () => {
    expect(() => (bundledReference().systems as unknown[]).push({})).toThrow();
  });

  it("lists aliases longest first, the name included", () => {
    const aliases = systemAliases(bundledReference());
    expect(aliases[0]!.alias.length).toBeGreaterThanOrEqual(aliases.at(-1)!.alias.length);
    expect(aliases.findIndex((a) => a.alias === "F-16 Fighting Falcon")).toBeLessThan(aliases.findIndex((a) => a.alias === "F-16"));
    expect(aliases).toContainEqual({ alias: "Patriot", systemId: "patriot" });
    expect(aliases).toContainEqual({ alias: "MGM-140", systemId: "atacms" });
  });

  it("agrees with the JSON Schema on attributes, qualifiers and event kinds", () => {
    const defs = (schemaJson as any).$defs;
    expect(defs.fact.properties.attribute.enum).toEqual([...SPEC_ATTRIBUTES]);
    expect(defs.fact.properties.qualifier.enum).toEqual([...QUALIFIERS]);
    expect(defs.event.properties.kind.enum).toEqual(EVENT_KINDS);
  });

  it.skipIf(!haveSeeds)(
    haveSeeds
      ? "quotes every evidence phrase and headline verbatim from its seed article"
      : "SKIPPED: ../shared/seeds not found, so evidence phrases cannot be checked against the articles",
    () => {
      const ref = bundledReference();
      const text = new Map(ref.sources.map((s) => [s.id, readFileSync(join(seeds, s.file), "utf8")]));
      for (const s of ref.sources) expect(text.get(s.id)!.split("\n")[0]!.startsWith(s.headline), s.id).toBe(true);
      for (const s of ref.systems)
        for (const p of [...s.facts, ...s.events]) expect(text.get(p.source), `${s.id}: ${p.evidence}`).toContain(p.evidence);
    },
  );
});

describe("validateReference", () => {
  const check = (raw: unknown, base?: Reference) => validateReference(raw, "extra.json", base);

  it("accepts a valid minimal reference", () => {
    const { reference, problems } = check(minimal());
    expect(problems).toEqual([]);
    expect(reference).toEqual(minimal());
  });

  it("rejects a file that is not an object", () => {
    expect(check([1]).problems).toEqual([{ path: "extra.json", pointer: "", message: expect.stringContaining("JSON object") }]);
  });

  it("reports unknown keys and keeps their entries", () => {
    const raw = minimal();
    raw.sytems = [];
    raw.systems[0].facts[0].note = "x";
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual(["/sytems", "/systems/0/facts/0/note"]);
    expect(system(reference, "atacms").facts).toHaveLength(2);
  });

  it("drops a fact with a wrong type, and only that fact", () => {
    const raw = minimal();
    raw.systems[0].facts[0].value = "300";
    const { reference, problems } = check(raw);
    expect(problems).toEqual([{ path: "extra.json", pointer: "/systems/0/facts/0/value", message: expect.stringContaining("number") }]);
    expect(system(reference, "atacms").facts.map((f) => f.value)).toEqual([190]);
    expect(system(reference, "atacms").events).toHaveLength(1);
  });

  it.each([
    ["attribute", "reach", "/systems/0/facts/1/attribute"],
    ["qualifier", "roughly", "/systems/0/facts/1/qualifier"],
    ["source", "nowhere", "/systems/0/facts/1/source"],
    ["evidence", "one two three four five six seven eight nine ten eleven twelve thirteen", "/systems/0/facts/1/evidence"],
  ])("drops a fact with a bad %s", (key, bad, pointer) => {
    const raw = minimal();
    raw.systems[0].facts[1][key] = bad;
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual([pointer]);
    expect(system(reference, "atacms").facts.map((f) => f.value)).toEqual([300]);
  });

  it.each([
    ["an unknown kind", "kind", "rumour", "/systems/0/events/0/kind"],
    ["a date that is not ISO", "date", "November 2024", "/systems/0/events/0/date"],
    ["a value but no unit", "value", 50, "/systems/0/events/0/unit"],
  ])("drops an event with %s", (_label, key, bad, pointer) => {
    const raw = minimal();
    raw.systems[0].events[0][key] = bad;
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual([pointer]);
    expect(system(reference, "atacms").events).toEqual([]);
    expect(system(reference, "atacms").facts).toHaveLength(2);
  });

  it("drops a duplicate system id and keeps the first", () => {
    const raw = minimal();
    raw.systems.push({ ...raw.systems[1], name: "HIMARS again", aliases: [] });
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual(["/systems/2/id"]);
    expect(reference.systems.map((s) => s.name)).toEqual(["ATACMS", "HIMARS"]);
  });

  it("drops an alias claimed by a second system and keeps that system", () => {
    const raw = minimal();
    raw.systems[1].aliases = ["MGM-140", "M142"];
    const { reference, problems } = check(raw);
    expect(problems).toEqual([{ path: "extra.json", pointer: "/systems/1/aliases/0", message: expect.stringContaining("atacms") }]);
    expect(system(reference, "himars").aliases).toEqual(["M142"]);
  });

  it("drops a new system with a field missing", () => {
    const raw = minimal();
    delete raw.systems[1].kind;
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual(["/systems/1/kind"]);
    expect(reference.systems.map((s) => s.id)).toEqual(["atacms"]);
  });

  it("drops a source with a bad date, and the facts that cite it", () => {
    const raw = minimal();
    raw.sources[0].date = "last week";
    const { reference, problems } = check(raw);
    expect(problems.map((p) => p.pointer)).toEqual([
      "/sources/0/date",
      "/systems/0/facts/0/source",
      "/systems/0/facts/1/source",
      "/systems/0/events/0/source",
    ]);
    expect(reference.systems).toHaveLength(2);
  });

  it("lets a file extend a base system by id and cite base sources", () => {
    const extra = { systems: [{ id: "atacms", facts: [{ attribute: "speed", value: 3, unit: "Mach", qualifier: "about", source: "a", evidence: "Mach 3" }] }] };
    const base = check(minimal()).reference;
    expect(check(extra, base).problems).toEqual([]);
    expect(check(extra).problems.map((p) => p.pointer)).toEqual(["/systems/0/name", "/systems/0/kind", "/systems/0/origin"]);
  });
});

describe("loadReferenceFiles", () => {
  const files: Record<string, string> = {
    "broken.json": '{\n  "systems": [\n    { "id": "x" }\n    { "id": "y" }\n  ]\n}',
    "extra.json": JSON.stringify({
      sources: [{ id: "desk", file: "desk-notes.md", headline: "Desk notes", date: "2024-12" }],
      systems: [
        { id: "atacms", aliases: ["M39"], facts: [{ attribute: "speed", value: 3, unit: "Mach", qualifier: "about", source: "desk", evidence: "Mach 3" }] },
        { id: "leopard-2", name: "Leopard 2", aliases: ["Leo 2"], kind: "main battle tank", origin: "Germany" },
      ],
    }),
  };
  const readFile = (p: string) => {
    if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
    return files[p]!;
  };

  it("reports a JSON syntax error with the path and line, and skips the file", () => {
    const { reference, problems } = loadReferenceFiles(["broken.json"], readFile);
    expect(problems).toEqual([{ path: "broken.json", pointer: "", line: 4, column: 5, message: expect.stringContaining("line 4, column 5") }]);
    expect(reference).toEqual(bundledReference());
  });

  it("reports a missing file and keeps the bundled facts", () => {
    const { reference, problems } = loadReferenceFiles(["missing.json"], readFile);
    expect(problems).toEqual([{ path: "missing.json", pointer: "", message: expect.stringContaining("not found") }]);
    expect(system(reference, "atacms").facts).toHaveLength(2);
  });

  it("merges a valid extra file: a new system and an extra fact on ATACMS", () => {
    const { reference, problems } = loadReferenceFiles(["missing.json", "extra.json"], readFile);
    expect(problems).toHaveLength(1);
    const atacms = system(reference, "atacms");
    expect(atacms.name).toBe("ATACMS");
    expect(atacms.aliases).toContain("M39");
    expect(atacms.facts.map((f) => f.unit)).toEqual(["km", "mi", "Mach"]);
    expect(system(reference, "leopard-2")).toMatchObject({ name: "Leopard 2", facts: [], events: [] });
    expect(reference.sources.map((s) => s.id)).toContain("desk");
    expect(system(bundledReference(), "atacms").facts).toHaveLength(2);
  });

  it("merges by id without duplicating what both sides hold", () => {
    const base = bundledReference();
    const merged = mergeReferences(base, base);
    expect(merged).toEqual(base);
  });
});

describe("findJsonError", () => {
  it.each([
    ['{"a": 1,}', 8, "property name"],
    ["[1, 2", 5, "',' or ']'"],
    ['{"a": tru}', 6, "value"],
    ['{"a": 1} x', 9, "end of the file"],
    ["", 0, "value"],
  ])("finds the error in %j", (text, offset, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonError(text)).toEqual({ offset, expected: expect.stringContaining(expected) });
  });

  it("finds nothing in valid JSON", () => {
    expect(findJsonError(JSON.stringify(bundledJson, null, 2))).toBeUndefined();
  });
});
