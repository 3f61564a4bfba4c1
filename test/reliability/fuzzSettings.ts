/** The fixed seed of the subset `npm test` runs. */
export const FIXED_SEED = 20260601

/**
 * How many sequences the race model runs and from which seed. `npm test`: 100 from {@link FIXED_SEED}. The fuzz
 * script sets `FUZZ_RUNS` (e.g. 1000) and gets a fresh random seed, unless `FUZZ_SEED` replays a given one.
 */
export function fuzzSettings(env: Record<string, string | undefined> = process.env): { numRuns: number; seed: number } {
  const runs = Number.parseInt(env.FUZZ_RUNS ?? '', 10)
  const given = Number.parseInt(env.FUZZ_SEED ?? '', 10)
  const fuzzing = env.FUZZ_RUNS !== undefined
  // A random seed only when fuzzing: it is printed, so any failure can be replayed with FUZZ_SEED.
  const seed = Number.isFinite(given) ? given : fuzzing ? Math.floor(Math.random() * 2 ** 31) : FIXED_SEED
  return { numRuns: Number.isFinite(runs) && runs > 0 ? runs : 100, seed }
}
