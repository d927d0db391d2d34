import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import bundledJson from "../../server/src/reference/reference.json";
import schemaJson from "../../schemas/reference.schema.json";
import { MAX_JSON_FILE_BYTES, readJsonFile } from "../../server/src/config/json";
import { asConfigProblem, bundledReference, loadReferenceFiles, mergeReferences, systemAliases } from "../../server/src/reference/load";
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

describe("a reference that disagrees with itself", () => {
  const check = (raw: unknown, base?: Reference) => validateReference(raw, "extra.json", base);
  const fact = (value: number, unit: string, qualifier = "up to", source = "a") => ({ attribute: "range", value, unit, qualifier, source, evidence: "quoted" });
  /** `minimal()` with ATACMS's facts replaced. */
  const withFacts = (...facts: unknown[]) => {
    const raw = minimal();
    raw.sources.push({ id: "b", file: "b.txt", headline: "Another", date: "2024-12" });
    raw.systems[0].facts = facts;
    return raw;
  };
  const kept = (ref: Reference) => system(ref, "atacms").facts.map((f) => `${f.qualifier} ${f.value} ${f.unit} (${f.source})`);

  it("drops a fact listed twice by the same source, and keeps a second source for the same value", () => {
    const { reference, problems } = check(withFacts(fact(300, "km"), fact(300, "km", "up to", "b"), fact(300, "km")));
    expect(problems).toEqual([
      { path: "extra.json", pointer: "/systems/0/facts/2", message: "the same fact is already listed at /systems/0/facts/0; this one is left out" },
    ]);
    expect(kept(reference)).toEqual(["up to 300 km (a)", "up to 300 km (b)"]);
  });

  it("drops a fact that conflicts with an earlier one, after unit conversion, and keeps the first", () => {
    const { reference, problems } = check(withFacts(fact(300, "km"), fact(186, "mi", "nearly", "b"), fact(250, "mi", "about", "b"), fact(500, "km")));
    expect(problems).toEqual([
      {
        path: "extra.json",
        pointer: "/systems/0/facts/2",
        message: 'ATACMS range "about 250 mi" conflicts with "up to 300 km" (source "a"), already listed at /systems/0/facts/0; the first one read is kept and this one is left out',
      },
      { path: "extra.json", pointer: "/systems/0/facts/3", message: expect.stringMatching(/^ATACMS range "up to 500 km" conflicts with "up to 300 km"/) },
    ]);
    expect(kept(reference)).toEqual(["up to 300 km (a)", "nearly 186 mi (b)"]);
  });

  it("lets a floor stand beside any value at or above it, and only there", () => {
    expect(check(withFacts(fact(300, "km"), fact(200, "km", "at least"), fact(250, "km", "more than", "b"))).problems).toEqual([]);
    expect(check(withFacts(fact(300, "km"), fact(400, "km", "more than"))).problems.map((p) => p.pointer)).toEqual(["/systems/0/facts/1"]);
  });

  it("compares only what can be compared: other attributes, dimensions and plain units", () => {
    const speed = { ...fact(3, "Mach", "about"), attribute: "speed" };
    const cost = (value: number, unit: string) => ({ ...fact(value, unit, "about"), attribute: "unit-cost" });
    expect(check(withFacts(fact(300, "km"), speed, fact(9, "Mach"), cost(1.5e6, "USD"), cost(1.4e6, "EUR"))).problems).toEqual([]);
    expect(check(withFacts(cost(1.5e6, "USD"), cost(3e6, "usd"))).problems.map((p) => p.pointer)).toEqual(["/systems/0/facts/1"]);
  });

  it("drops a fact or event the bundled reference already holds, and a fact that contradicts it", () => {
    const bundledFact = system(bundledReference(), "atacms").facts[0]!;
    const bundledEvent = system(bundledReference(), "atacms").events[0]!;
    const extra = {
      systems: [{ id: "atacms", facts: [bundledFact, { ...bundledFact, value: 500 }], events: [bundledEvent] }],
    };
    const { reference, problems } = check(extra, bundledReference());
    expect(problems).toEqual([
      { path: "extra.json", pointer: "/systems/0/facts/0", message: "the same fact is already in the reference; this one is left out" },
      {
        path: "extra.json",
        pointer: "/systems/0/facts/1",
        message: 'ATACMS range "up to 500 km" conflicts with "up to 300 km" (source "rt-2023-06-atacms-letter"), already in the reference; the first one read is kept and this one is left out',
      },
      { path: "extra.json", pointer: "/systems/0/events/0", message: "the same event is already in the reference; this one is left out" },
    ]);
    expect(system(reference, "atacms")).toMatchObject({ facts: [], events: [] });
  });

  it("drops an event listed twice in one file", () => {
    const raw = minimal();
    raw.systems[0].events.push({ ...raw.systems[0].events[0] });
    const { reference, problems } = check(raw);
    expect(problems).toEqual([{ path: "extra.json", pointer: "/systems/0/events/1", message: "the same event is already listed at /systems/0/events/0; this one is left out" }]);
    expect(system(reference, "atacms").events).toHaveLength(1);
  });

  it("keeps the earlier of two extra files when they conflict, and places the later one's fact", () => {
    const file = (value: number) =>
      JSON.stringify({ systems: [{ id: "atacms", facts: [{ attribute: "speed", value, unit: "Mach", qualifier: "about", source: "rt-2023-06-atacms-letter", evidence: "quoted" }] }] }, null, 2);
    const texts: Record<string, string> = { "first.json": file(3), "second.json": file(5) };
    const { reference, problems } = loadReferenceFiles(["first.json", "second.json"], (p) => texts[p]!);
    expect(problems).toEqual([
      {
        path: "second.json",
        pointer: "/systems/0/facts/0",
        line: 6,
        column: 9,
        message: 'ATACMS speed "about 5 Mach" conflicts with "about 3 Mach" (source "rt-2023-06-atacms-letter"), already in the reference; the first one read is kept and this one is left out',
      },
    ]);
    expect(system(reference, "atacms").facts.filter((f) => f.attribute === "speed").map((f) => f.value)).toEqual([3]);
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

  it("reports a JSON syntax error with the path, line and column, and skips the file", () => {
    const { reference, problems } = loadReferenceFiles(["broken.json"], readFile);
    expect(problems).toEqual([
      {
        path: "broken.json",
        pointer: "",
        line: 4,
        column: 5,
        message: "invalid JSON: expected ',' or ']'; the file is skipped and the bundled reference is still used",
      },
    ]);
    expect(reference).toEqual(bundledReference());
  });

  it("reports a missing file, with no position, and keeps the bundled facts", () => {
    const { reference, problems } = loadReferenceFiles(["missing.json"], readFile);
    expect(problems).toEqual([{ path: "missing.json", pointer: "", message: "file not found; the bundled reference is still used" }]);
    expect(system(reference, "atacms").facts).toHaveLength(2);
  });

  it("reports an empty file, a file over the size limit and a folder, and keeps the bundled facts", () => {
    const texts: Record<string, string> = { "empty.json": "\uFEFF\n", "huge.json": " ".repeat(MAX_JSON_FILE_BYTES + 1) };
    const read = (p: string) => {
      if (p === "facts") throw Object.assign(new Error("EISDIR: illegal operation on a directory, read"), { code: "EISDIR" });
      return texts[p]!;
    };
    const { reference, problems } = loadReferenceFiles(["empty.json", "huge.json", "facts"], read);
    expect(problems).toEqual([
      { path: "empty.json", pointer: "", line: 1, column: 1, message: expect.stringMatching(/^the file is empty;/) },
      { path: "huge.json", pointer: "", line: 1, column: 1, message: expect.stringMatching(/^the file is larger than 4 MB/) },
      { path: "facts", pointer: "", message: "it is a folder, not a file; the bundled reference is still used" },
    ]);
    expect(reference).toEqual(bundledReference());
  });

  it("places each entry's problem at its line and column, the pointer leading the message", () => {
    const text = [
      "\uFEFF{",
      '  "systems": [',
      '    { "id": "atacms", "aliases": ["M39"],',
      '      "facts": [ { "attribute": "range", "value": "300", "unit": "km", "qualifier": "up to", "source": "desk", "evidence": "x" } ] },',
      '    { "id": "leo", "name": "Leopard 2", "kind": "tank", "origin": "Germany", "colour": "grey" }',
      "  ]",
      "}",
    ].join("\n");
    const { reference, problems } = loadReferenceFiles(["extra.json"], () => text);
    // In file order, whatever order the checks ran in.
    expect(problems.map((p) => [p.line, p.column, asConfigProblem(p).message])).toEqual([
      [4, 42, "at /systems/0/facts/0/value: value must be a non-negative number (no quotes, no unit)"],
      [4, 94, 'at /systems/0/facts/0/source: no source has id "desk"; add it to "sources" or fix the id'],
      [5, 78, 'at /systems/1/colour: unknown key "colour"; expected one of id, name, aliases, kind, origin, facts, events'],
    ]);
    expect(system(reference, "atacms").aliases).toContain("M39");
    expect(system(reference, "leo").name).toBe("Leopard 2");
  });

  it("reports a key given twice in an entry; the later value is used", () => {
    const fact = '{ "attribute": "speed", "value": 3, "unit": "Mach", "qualifier": "about", "source": "rt-2023-06-atacms-letter", "evidence": "Mach 3", "value": 4 }';
    const { reference, problems } = loadReferenceFiles(["extra.json"], () => `{ "systems": [ { "id": "atacms", "facts": [ ${fact} ] } ] }`);
    expect(problems).toEqual([
      { path: "extra.json", pointer: "/systems/0/facts/0/value", line: 1, column: 179, message: '"value" is given twice in the same object; this later one is used' },
    ]);
    expect(system(reference, "atacms").facts.at(-1)).toMatchObject({ attribute: "speed", value: 4 });
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

describe("readJsonFile", () => {
  it.each([
    ['{"a": 1,}', 1, 9, "property name"],
    ["[1, 2", 1, 6, "',' or ']'"],
    ['{"a": tru}', 1, 7, "value"],
    ['{"a": 1} x', 1, 10, "end of the file"],
    ['{\r\n"a":\r"b\n"}', 3, 3, "no line breaks"],
    ['\uFEFF{"a": [1 2]}', 1, 10, "',' or ']'"],
  ])("places the error in %j at %d:%d", (text, line, column, expected) => {
    expect(() => JSON.parse(text.replace(/^\uFEFF/, ""))).toThrow();
    expect(readJsonFile(text)).toEqual({ error: { line, column, message: expect.stringContaining(expected) } });
  });

  it("reads the bundled reference as JSON.parse does", () => {
    const text = JSON.stringify(bundledJson, null, 2);
    const reading = readJsonFile(text);
    expect("document" in reading && reading.document.value).toEqual(JSON.parse(text));
  });

  it("reads any JSON value as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const reading = readJsonFile(`{"v": ${text}}`);
        expect("document" in reading && reading.document.value).toEqual(JSON.parse(`{"v": ${text}}`));
      }),
    );
  });

  it("accepts exactly the texts JSON.parse accepts", () => {
    const jsonish = fc.string({ unit: fc.constantFrom(..."{}[]:,\"\\ \n01-.eEtrufalsn\u00e9x") });
    fc.assert(
      fc.property(jsonish, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        // Blank text is refused before parsing, as an empty file.
        expect("document" in readJsonFile(text)).toBe(parses && text.trim() !== "");
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the place of a pointer, or of its nearest present parent", () => {
    const reading = readJsonFile('{\n  "a/b": [\n    {"~": 1}\n  ]\n}');
    if (!("document" in reading)) throw new Error("expected a document");
    expect(reading.document.positionOf("/a~1b/0/~0")).toEqual({ line: 3, column: 6 });
    expect(reading.document.positionOf("/a~1b/0")).toEqual({ line: 3, column: 5 });
    expect(reading.document.positionOf("/a~1b/0/missing")).toEqual({ line: 3, column: 5 });
    expect(reading.document.positionOf("")).toEqual({ line: 1, column: 1 });
  });
});
