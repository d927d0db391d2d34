/**
 * Property tests draw their cases from one seed, so `npm test` is the same run on every
 * machine and a failure can be replayed. Set FC_SEED to explore other cases, and FC_RUNS to
 * run each property that many times instead of its own count (`npm run fuzz` sets both).
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_121) });

/** How many cases a property runs: its own count, or FC_RUNS when set. */
export function runs(own: number): number {
  const asked = Number(process.env.FC_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : own;
}
