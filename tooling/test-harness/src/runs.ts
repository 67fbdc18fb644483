// fast-check run counts and replay, shared by every suite.
// FC_NUM_RUNS sets the run count of a cheap property (default 100, fast-check's own default);
// an expensive property (one scrypt per run) asks for a fraction of it, so every count scales
// together. `pnpm test:fuzz` sets FC_NUM_RUNS=1000, ten times deeper.
// FC_SEED and FC_PATH replay a failure: fast-check prints both when a property fails.
import type fc from 'fast-check';

/** Reads an environment variable under Node or Deno (tests only; library code never does). */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env: { get(n: string): string | undefined } };
  };
  if (g.Deno) return g.Deno.env.get(name);
  return g.process?.env?.[name];
}

/** FC_NUM_RUNS, or 100. */
export function baseRuns(): number {
  const raw = readEnv('FC_NUM_RUNS');
  const n = raw === undefined || raw === '' ? 100 : Number(raw);
  return Number.isFinite(n) && n >= 1 ? n : 100;
}

/**
 * How long one property may take, shrinking included, before fast-check stops it and fails with
 * its report (seed, path, the counterexample so far). Below the 300 s test timeout of the
 * scrypt-bound suites, so that a failure whose shrinking runs scrypt hundreds of times still
 * prints how to replay it instead of ending in a bare timeout; Deno's runner has no timeout.
 */
export const PROPERTY_TIME_LIMIT_MS = 240_000;

/**
 * fast-check parameters for a property that runs `fraction` of FC_NUM_RUNS (at least once),
 * with FC_SEED/FC_PATH replay and PROPERTY_TIME_LIMIT_MS. fast-check prints the seed and path
 * of any failure.
 *
 * @example fc.assert(fc.property(arb, check), fcParams(0.05)) // 5 runs by default, 50 under fuzz
 */
export function fcParams<T>(fraction = 1): fc.Parameters<T> {
  const seed = readEnv('FC_SEED');
  const path = readEnv('FC_PATH');
  const params: fc.Parameters<T> = {
    numRuns: Math.max(1, Math.round(baseRuns() * fraction)),
    interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
    markInterruptAsFailure: true,
  };
  if (seed !== undefined && seed !== '') params.seed = Number(seed);
  if (path !== undefined && path !== '') params.path = path;
  return params;
}
