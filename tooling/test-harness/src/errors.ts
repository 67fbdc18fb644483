// Assertions on keyport's typed errors that work under vitest and Deno alike (Jest's `expect`
// has no toSatisfy). Duck-typed on `name`/`code`, so the harness does not depend on core.

/** What a KeyportError looks like from outside. */
export interface CodedError {
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

function check(e: unknown, code: string): CodedError {
  const err = e as Partial<CodedError> | null;
  if (err?.name !== 'KeyportError' || err.code !== code) {
    const got =
      err && typeof err === 'object'
        ? `${String(err.name)} ${String(err.code)}: ${String(err.message)}`
        : String(e);
    throw new Error(`expected a KeyportError with code ${code}, got ${got}`);
  }
  return err as CodedError;
}

/** Awaits `p` (or calls it) and returns the KeyportError with `code` it must reject with. */
export async function rejectsWithCode(
  p: Promise<unknown> | (() => Promise<unknown>),
  code: string,
): Promise<CodedError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return check(e, code);
  }
  throw new Error(`expected a KeyportError with code ${code}, but it resolved`);
}

/** Calls `fn` and returns the KeyportError with `code` it must throw. */
export function throwsWithCode(fn: () => unknown, code: string): CodedError {
  try {
    fn();
  } catch (e) {
    return check(e, code);
  }
  throw new Error(`expected a KeyportError with code ${code}, but it returned`);
}
