// The bridge's messages: exactly the documented shapes pass, everything else (the shared
// hostile-input table, every field of a valid message broken one at a time, random values) is
// "not a bridge message": undefined, never an exception. Both ends rely on it to ignore junk.
import { fcParams } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_HOSTILE, withField } from '../../../packages/core/test/hostile.ts';
import { asPageMessage, asTabMessage, isNonce, makeNonce, TAG } from '../src/bridge/protocol.ts';

const nonce = '0123456789abcdef0123456789abcdef';
const PAGE: Record<string, Record<string, unknown>> = {
  hello: { kp: TAG, type: 'hello', nonce },
  get: { kp: TAG, type: 'get', nonce, id: 3 },
  write: {
    kp: TAG,
    type: 'write',
    nonce,
    id: 4,
    changes: [
      { key: 'a', expect: null, value: 'x' },
      { key: 'b', expect: 'y', value: null },
    ],
  },
};
const TAB: Record<string, Record<string, unknown>> = {
  snapshot: {
    kp: TAG,
    type: 'snapshot',
    nonce,
    items: [
      ['a', '1'],
      ['', ''],
    ],
  },
  answer: { kp: TAG, type: 'snapshot', nonce, id: 3, items: [] },
  applied: { kp: TAG, type: 'result', nonce, id: 4, outcome: { ok: true, written: 2 }, items: [['a', 'x']] },
  refused: {
    kp: TAG,
    type: 'result',
    nonce,
    id: 4,
    outcome: { ok: false, code: 'CONFLICT', keys: ['a'] },
    items: [],
  },
  failed: {
    kp: TAG,
    type: 'result',
    nonce,
    id: 4,
    outcome: {
      ok: false,
      code: 'WRITE_FAILED',
      index: 1,
      cause: 'QuotaExceededError',
      rolledBack: true,
      notRestored: [],
    },
    items: [],
  },
  changed: { kp: TAG, type: 'changed', nonce, keys: ['settings'] },
  cleared: { kp: TAG, type: 'changed', nonce, keys: null },
  bye: { kp: TAG, type: 'bye', nonce },
};

const BROKEN: readonly [string, unknown][] = [
  ['kp', 'keyport-bridge/2'],
  ['kp', undefined],
  ['nonce', 'ABCDEF0123456789ABCDEF0123456789'],
  ['nonce', nonce.slice(1)],
  ['nonce', 7],
  ['type', 'delete-everything'],
  ['id', -1],
  ['id', 1.5],
  ['id', '3'],
  ['changes', [{ key: 'a', expect: null }]],
  ['changes', [{ key: 1, expect: null, value: 'x' }]],
  ['changes', [{ key: 'a', expect: 2, value: 'x' }]],
  ['changes', 'a'],
  ['items', [['a']]],
  ['items', [['a', 1]]],
  ['items', { a: '1' }],
  ['keys', [1]],
  ['keys', 'settings'],
  ['outcome', { ok: true }],
  ['outcome', { ok: false, code: 'CONFLICT' }],
  ['outcome', { ok: false, code: 'OTHER', index: 0 }],
  ['outcome', null],
];

describe('bridge messages', () => {
  it('every documented shape passes, each on its own side only', () => {
    for (const m of Object.values(PAGE)) {
      expect(asPageMessage(m)).toBe(m);
      expect(asTabMessage(m)).toBeUndefined();
    }
    for (const m of Object.values(TAB)) {
      expect(asTabMessage(m)).toBe(m);
      expect(asPageMessage(m)).toBeUndefined();
    }
  });

  it('every field of a valid message, broken, makes it no message at all', () => {
    for (const [side, messages, read] of [
      ['page', PAGE, asPageMessage],
      ['tab', TAB, asTabMessage],
    ] as const) {
      for (const [name, valid] of Object.entries(messages)) {
        for (const [field, value] of BROKEN) {
          if (!(field in valid) && field !== 'kp') continue;
          const broken = withField(valid, field, value);
          if (value === undefined) delete broken[field];
          expect(read(broken), `${side} ${name}: ${field} = ${JSON.stringify(value)}`).toBeUndefined();
        }
      }
    }
  });

  it('the shared hostile-input table: undefined, never an exception', () => {
    const getter = Object.defineProperty({}, 'kp', {
      enumerable: true,
      get() {
        throw new Error('a getter ran');
      },
    });
    for (const input of [...GENERIC_HOSTILE.map((c) => c.make()), getter]) {
      expect(asPageMessage(input)).toBeUndefined();
      expect(asTabMessage(input)).toBeUndefined();
    }
  });

  it('random values are never taken for a message', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true }), (v) => {
        expect(asPageMessage(v)).toBeUndefined();
        expect(asTabMessage(v)).toBeUndefined();
      }),
      fcParams(),
    );
  });

  it('nonces are 128 random bits as 32 hex digits, fresh each time', () => {
    const a = makeNonce(globalThis.crypto);
    const b = makeNonce(globalThis.crypto);
    expect(isNonce(a) && isNonce(b)).toBe(true);
    expect(a).not.toBe(b);
  });
});
