/**
 * A deterministic generator of news-style drafts for benchmarks: front matter, headings,
 * paragraphs with figures (most of them attributed), weapon specs, quotations, lists,
 * tables, links and code, in fixed proportions. The same seed and size give the same draft.
 */

/** A small, fast, seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ["the air force said", "according to the General Staff", "officials said", "the Pentagon said", "Reuters reported"];
const PLACES = ["Kharkiv", "Bakhmut", "Avdiivka", "Kupiansk", "Pokrovsk", "Zaporizhzhia", "Kherson"];
const THINGS = ["drones", "missiles", "tanks", "shells", "armoured vehicles", "troops", "civilians"];
const SYSTEMS = ["ATACMS", "HIMARS", "Storm Shadow", "the F-16", "Patriot", "Abrams"];

export function generateDraft(bytes: number, seed = 1): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = () => (Math.floor(rnd() * 9000) + 100).toLocaleString("en-US");
  const sentence = (): string => {
    const r = rnd();
    if (r < 0.35) return `Russia launched ${n()} ${pick(THINGS)} at ${pick(PLACES)} overnight, ${pick(SOURCES)}.`;
    if (r < 0.5) return `About ${n()} ${pick(THINGS)} were lost near ${pick(PLACES)} in ${pick(["May", "June", "July"])} 2024.`;
    if (r < 0.6) return `${pick(SYSTEMS)} can strike targets as far as ${Math.floor(rnd() * 400) + 50} kilometers (${Math.floor(rnd() * 250) + 30} miles) away.`;
    if (r < 0.7) return `“We lost ${n()} ${pick(THINGS)} in a week. It was hard,” the commander said.`;
    if (r < 0.8) return `The [${pick(["Kiel Institute", "ISW", "UN mission"])}](https://example.org/${n()}) put the cost at $${Math.floor(rnd() * 90) + 1} billion.`;
    if (r < 0.9) return `The F-16 and Su-34 jets flew over ${pick(PLACES)} on 24 February, the third time this week.`;
    return `Ukraine's ${pick(SYSTEMS)} strikes continued near ${pick(PLACES)}, with nearly 40% of targets hit.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rnd() * 4) }, sentence).join(" ");
  const blocks: string[] = ["---\ntitle: Generated draft\nseed: " + seed + "\n---"];
  let size = blocks[0].length;
  while (size < bytes) {
    const r = rnd();
    const block =
      r < 0.08
        ? `## ${pick(PLACES)}: ${n()} ${pick(THINGS)} in a week`
        : r < 0.16
          ? `The ministry said:\n\n- ${n()} ${pick(THINGS)}\n- ${n()} ${pick(THINGS)}\n- $${n()} million for repairs`
          : r < 0.22
            ? `| Region | Losses |\n| --- | --- |\n| ${pick(PLACES)} | ${n()} ${pick(THINGS)} |\n| ${pick(PLACES)} | ${n()} ${pick(THINGS)} |`
            : r < 0.26
              ? "```json\n{\"tanks\": 4000, \"range_km\": 300}\n```"
              : r < 0.3
                ? `> ${paragraph()}`
                : paragraph();
    blocks.push(block);
    size += block.length + 2;
  }
  return blocks.join("\n\n") + "\n";
}
