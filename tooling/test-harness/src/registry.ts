// Loops hostile inputs over every reader of every module in a format registry (STYLE.md
// "Tests": one hostile table over every public parser). Duck-typed on the module shape of
// @keyport/core's registry, so the harness keeps no @keyport dependency, and a module added to
// a registry is covered without touching any test.

/** The parts of a registry module this loop calls (see @keyport/core's FormatModule). */
export interface RegistryModuleLike {
  readonly id: string;
  report?(found: FoundLike, registry: never): unknown;
  open?(found: FoundLike, options: never): unknown;
  check?(found: FoundLike, options: never): unknown;
  secret?(found: FoundLike): unknown;
  entries?(found: FoundLike, options: never, context: never): unknown;
}

/** A detection result as the readers take it. */
export interface FoundLike {
  readonly detected: { readonly format: string };
  readonly value: unknown;
  readonly text?: string;
}

/** A registry as this loop uses it. */
export interface RegistryLike {
  readonly formats: readonly RegistryModuleLike[];
  detect(input: unknown): FoundLike;
}

/** Options of {@link registryHostileFailures}. */
export interface RegistryHostileOptions {
  /** Passed to `open` and `check` (a seal password, a fast scrypt). */
  readonly openOptions?: unknown;
  /** Passed to `entries` (passwords, a clock). */
  readonly entriesOptions?: unknown;
}

/**
 * Feeds `input` to every reader (`report`, `open`, `check`, `secret`, `entries`) of every module of `registry`:
 * once as the registry detected it, and once forced on each module as if detection had named
 * it. Returns one line per reader that threw anything but a KeyportError (empty when all is
 * well); a reader may return or throw a KeyportError.
 *
 * @example expect(await registryHostileFailures(coreRegistry, '{"encoded":1}')).toEqual([])
 */
export async function registryHostileFailures(
  registry: RegistryLike,
  input: unknown,
  options: RegistryHostileOptions = {},
): Promise<string[]> {
  const failures: string[] = [];
  let detected: FoundLike;
  try {
    detected = registry.detect(input);
  } catch (e) {
    return [`detect threw ${(e as Error)?.name}: ${(e as Error)?.message}`];
  }
  const text = typeof input === 'string' ? { text: input } : {};
  for (const m of registry.formats) {
    const founds: FoundLike[] =
      detected.detected.format === m.id
        ? [detected]
        : [{ detected: { format: m.id }, value: detected.value, ...text }];
    for (const found of founds) {
      const calls: [string, () => unknown][] = [
        ['report', () => m.report?.(found, registry as never)],
        ['open', () => m.open?.(found, options.openOptions as never)],
        ['check', () => m.check?.(found, options.openOptions as never)],
        ['secret', () => m.secret?.(found)],
        ['entries', () => m.entries?.(found, (options.entriesOptions ?? {}) as never, registry as never)],
      ];
      for (const [name, call] of calls) {
        try {
          await call();
        } catch (e) {
          const err = e as { name?: unknown; code?: unknown; message?: unknown } | null;
          if (err?.name !== 'KeyportError' || typeof err.code !== 'string') {
            failures.push(`${m.id}.${name}: ${String(err?.name)}: ${String(err?.message).slice(0, 200)}`);
          }
        }
      }
    }
  }
  return failures;
}
