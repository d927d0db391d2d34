/**
 * An open draft re-reads only what an edit touched. Whatever the edits, its findings must be
 * exactly those of a full check of the same text: random edit streams over drafts that hold
 * every kind of context the engine carries (lead-ins over lists and tables, pronouns into the
 * next sentence, quotations closed later, directives, front matter, fences, CRLF).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { runs } from "./property-seed";
import { describe, expect, it } from "vitest";
import type { Change } from "../../server/src/core/changes";
import { drain, type OpenDraft } from "../../server/src/core/open-draft";
import { bundledChecker } from "./support";

const DRAFT = `---
title: Strikes overnight
---

# Overnight

Russia launched 120 drones at Kharkiv overnight, the air force said. It fired 40 missiles too.

ATACMS can strike targets 300 km away. It can also hit targets 500 km away.

The energy ministry said:

- 12 substations were hit
- 3,000 households lost power

| Region | Damage |
| --- | --- |
| Odesa | 12 substations |

“We lost 4,000 troops. It was hard,” the commander said.

<!-- claimlint-disable-next-line -->
More than 4,000 troops were lost.

\`\`\`
Russia fired 50 drones.
\`\`\`

> About 2,000 civilians fled, according to the UN[^1].

[^1]: UN report.

<!-- claimlint-disable unattributed-figure -->
Around 700 tanks were seen.
<!-- claimlint-enable unattributed-figure -->

Storm Shadow flies 250 km (155 miles). HIMARS fires 6 rockets.
`;

/** Lead-ins with a comment before their list, front matter that ends the text, a rule that opens it. */
const EDGES = `---
title: Russia fired 40 drones at Kyiv.
---

The ministry said:

<!-- note -->

- 12 substations were hit

<!-- claimlint-disable -->

The army reported:

<!-- a -->
<!-- b -->

| Region | Damage |
| --- | --- |
| Odesa | 12 substations |
`;

const BASES = [
  DRAFT,
  DRAFT.replace(/\n/g, "\r\n"),
  readFileSync("examples/draft.md", "utf8"),
  EDGES,
  "---\ntitle: Russia fired 40 drones at Kyiv.\n---",
  "---\n\nRussia fired 40 drones at Kyiv.\n\nThe ministry said:\n\n- 12 substations were hit\n",
];

/** Pieces of Markdown and claim vocabulary an edit may type, alone or in a run. */
const TYPED = [
  "x", " ", "\n", "\n\n", "\r\n", ":", "- ", "1. ", "> ", "# ", "|", "| a | b |\n| --- | --- |\n", "```\n", "---\n",
  "“", "”", "\"", "It ", "they said", ", according to Reuters", "4,000 troops", "ATACMS", "500 km", "(310 miles)",
  "<!-- claimlint-disable -->", "<!-- claimlint-enable -->", "<!-- claimlint-disable-next-line -->", "<!--", "-->",
  "[the report](https://example.org)", "[^1]", "*", "`", "\t", "    ",
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...TYPED), fc.array(fc.constantFrom(...TYPED), { maxLength: 4 }).map((xs) => xs.join(""))),
});

/** Applies an edit (its place taken modulo the length) and notes it on the open draft. */
function apply(text: string, e: Edit, draft: OpenDraft): string {
  const from = e.at % (text.length + 1);
  const to = Math.min(text.length, from + e.remove);
  const change: Change = { from, to, inserted: e.insert.length };
  draft.edited(change);
  return text.slice(0, from) + e.insert + text.slice(to);
}

describe("an open draft", () => {
  it("finds after every edit exactly what a full check finds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES.keys()), fc.array(edit, { minLength: 1, maxLength: 12 }), (base, edits) => {
        const draft = bundledChecker.open();
        let text = BASES[base];
        drain(draft.check(text));
        for (const e of edits) {
          text = apply(text, e, draft);
          expect(drain(draft.check(text))).toEqual(bundledChecker.check(text));
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("checks several edits at once, and a check dropped halfway changes nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES.keys()), fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (base, batches) => {
        const draft = bundledChecker.open();
        let text = BASES[base];
        drain(draft.check(text));
        for (const batch of batches) {
          for (const e of batch) {
            text = apply(text, e, draft);
            // An editor's newer keystroke drops the check in progress.
            draft.check(text).next();
          }
          expect(drain(draft.check(text))).toEqual(bundledChecker.check(text));
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("parsed in the shortest stretches, finds what one parse of the whole draft finds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES.keys()), fc.array(edit, { maxLength: 6 }), fc.integer({ min: 1, max: 200 }), (base, edits, length) => {
        const draft = bundledChecker.open({ whole: length, afterEdit: length });
        let text = BASES[base];
        expect(drain(draft.check(text))).toEqual(bundledChecker.check(text));
        for (const e of edits) {
          text = apply(text, e, draft);
          expect(drain(draft.check(text))).toEqual(bundledChecker.check(text));
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it("reuses what an edit did not touch: a later section's findings survive as the same objects", () => {
    const draft = bundledChecker.open();
    const before = drain(draft.check(DRAFT));
    const at = DRAFT.indexOf("Storm Shadow");
    draft.edited({ from: at, to: at, inserted: 1 });
    const after = drain(draft.check(DRAFT.slice(0, at) + "x" + DRAFT.slice(at)));
    expect(before[0].offset).toBeLessThan(at);
    expect(after[0]).toBe(before[0]);
    expect(after.length).toBe(before.length);
  });

  it("reads the whole draft again when the noted edits do not add up to the text", () => {
    const draft = bundledChecker.open();
    drain(draft.check(DRAFT));
    draft.edited({ from: 0, to: 0, inserted: 5 });
    const other = "Russia fired 50 drones.";
    expect(drain(draft.check(other))).toEqual(bundledChecker.check(other));
  });
});
