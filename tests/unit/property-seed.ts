/**
 * Property tests draw their cases from one seed, so `npm test` is the same run on every
 * machine and a failure can be replayed. Set FC_SEED to explore other cases.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_121) });
