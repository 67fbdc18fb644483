// Lets a test file written against `vitest` run under `deno test`. Deno's import map sends
// `vitest` here. Shared tests use only describe/it/test/beforeAll/afterAll/beforeEach/expect
// and plain `fc.assert(fc.property(...))`.
import { expect } from 'expect';

export { expect };

type Fn = () => unknown | Promise<unknown>;
interface Scope {
  name: string;
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  /** Tests registered in this scope (and below) that will run and have not finished yet. */
  pending: number;
}

const stack: Scope[] = [{ name: '', beforeAll: [], afterAll: [], beforeEach: [], pending: 0 }];
const started = new WeakMap<Fn[], Promise<void>>();

declare const Deno: {
  test(def: {
    name: string;
    fn: () => Promise<void>;
    sanitizeOps: boolean;
    sanitizeResources: boolean;
    ignore?: boolean;
  }): void;
};

function top(): Scope {
  return stack[stack.length - 1]!;
}

export function beforeAll(fn: Fn): void {
  top().beforeAll.push(fn);
}
export function afterAll(fn: Fn): void {
  top().afterAll.push(fn);
}
export function beforeEach(fn: Fn): void {
  top().beforeEach.push(fn);
}

export function describe(name: string, body: () => void): void {
  stack.push({ name, beforeAll: [], afterAll: [], beforeEach: [], pending: 0 });
  try {
    body();
  } finally {
    stack.pop();
  }
}
describe.skip = (_name: string, _body: () => void): void => {};

function register(name: string, fn: Fn, ignore = false): void {
  const scopes = stack.slice();
  const full = scopes
    .map((s) => s.name)
    .filter(Boolean)
    .concat(name)
    .join(' > ');
  if (!ignore) for (const s of scopes) s.pending++;
  Deno.test({
    name: full,
    ignore,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      for (const s of scopes) {
        let ready = started.get(s.beforeAll);
        if (!ready) {
          ready = (async () => {
            for (const h of s.beforeAll) await h();
          })();
          started.set(s.beforeAll, ready);
        }
        await ready;
      }
      try {
        for (const s of scopes) for (const h of s.beforeEach) await h();
        await fn();
      } finally {
        await finished(scopes);
      }
    },
  });
}

// Runs a scope's afterAll hooks once its last test has finished, innermost scope first, as
// vitest does. Each hook runs once.
async function finished(scopes: readonly Scope[]): Promise<void> {
  for (const s of [...scopes].reverse()) {
    s.pending--;
    if (s.pending > 0) continue;
    const hooks = s.afterAll.splice(0);
    for (const h of hooks.reverse()) await h();
  }
}

export function test(name: string, fn: Fn, _timeout?: number | object): void {
  register(name, fn);
}
test.skip = (name: string, fn: Fn, _timeout?: number | object): void => register(name, fn, true);
test.skipIf =
  (cond: unknown) =>
  (name: string, fn: Fn, _timeout?: number | object): void =>
    register(name, fn, Boolean(cond));
test.each =
  <T>(rows: readonly T[]) =>
  (name: string, fn: (row: T) => unknown, _timeout?: number | object): void => {
    rows.forEach((row, i) => {
      register(`${name.replace(/%s|%j|%o/, () => String(Array.isArray(row) ? row[0] : row))} [${i}]`, () =>
        fn(row),
      );
    });
  };
export const it = test;
