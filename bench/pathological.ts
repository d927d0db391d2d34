/**
 * Inputs built to hurt a Markdown parser or a regular expression, each checked at two sizes,
 * the second four times the first: a check that grows linearly takes about four times as long.
 */
import { createChecker } from "../server/src/core/checker";
import { bundledReference } from "../server/src/reference/load";
import { medianMs } from "./engine";

export interface PathologicalFigures {
  input: string;
  "small KB": number;
  "small ms": number;
  "large KB": number;
  "large ms": number;
  "× time for ×4 size": number;
}

/** Each input, made `n` units long. */
const INPUTS: [string, number, (n: number) => string][] = [
  ["one long line of sentences", 250_000, (n) => "Russia lost 300 drones near Pokrovsk. ".repeat(Math.ceil(n / 38))],
  ["digits", 250_000, (n) => `Russia lost ${"7".repeat(n)} drones.`],
  ["commas", 250_000, (n) => ",".repeat(n)],
  ["nested block quotes on one line", 2_500, (n) => `${"> ".repeat(n)}Russia lost 300 drones.\n`],
  ["nested lists on one line", 2_500, (n) => `${"- ".repeat(n)}Russia lost 300 drones.\n`],
  ["quotes one level deeper each line", 500, (n) => Array.from({ length: n }, (_, i) => `${">".repeat(i + 1)} Russia lost 300 drones.`).join("\n")],
  ["unclosed emphasis", 5_000, (n) => "*Russia lost 300 drones _near Pokrovsk. ".repeat(n)],
  ["unclosed links", 5_000, (n) => "[Russia lost [300 drones](near Pokrovsk. ".repeat(n)],
  ["emphasis marks that never close", 50_000, (n) => "*a".repeat(n)],
  ["table rows", 2_500, (n) => `| Region | Count |\n| --- | --- |\n${"| Kharkiv | 300 drones |\n".repeat(n)}`],
];

export function measurePathological(repeats: number): PathologicalFigures[] {
  const checker = createChecker({ reference: bundledReference() });
  return INPUTS.map(([input, n, make]) => {
    const small = make(n);
    const large = make(4 * n);
    const smallMs = medianMs(() => checker.check(small), repeats);
    const largeMs = medianMs(() => checker.check(large), repeats);
    return {
      input,
      "small KB": Math.round(small.length / 1000),
      "small ms": +smallMs.toFixed(1),
      "large KB": Math.round(large.length / 1000),
      "large ms": +largeMs.toFixed(1),
      "× time for ×4 size": +(largeMs / smallMs).toFixed(1),
    };
  });
}
