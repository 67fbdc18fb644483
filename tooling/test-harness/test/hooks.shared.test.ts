// The hooks shared tests rely on behave the same under vitest and under the Deno shim: a
// describe's afterAll runs after its last test and before the next describe's tests, innermost
// scope first; beforeAll runs once before a scope's first test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const log: string[] = [];

describe('outer', () => {
  beforeAll(() => {
    log.push('outer:beforeAll');
  });
  afterAll(() => {
    log.push('outer:afterAll');
  });
  describe('inner', () => {
    beforeEach(() => {
      log.push('inner:beforeEach');
    });
    afterAll(() => {
      log.push('inner:afterAll');
    });
    it('first', () => {
      log.push('first');
    });
    it('second', () => {
      log.push('second');
    });
  });
});

describe('after the outer scope', () => {
  it('every afterAll of the scopes before ran, innermost first, once', () => {
    expect(log).toEqual([
      'outer:beforeAll',
      'inner:beforeEach',
      'first',
      'inner:beforeEach',
      'second',
      'inner:afterAll',
      'outer:afterAll',
    ]);
  });
});
