// MemoryStorage behaves like Web Storage; snapshot reads any StorageLike exactly.
import { fcParams, hostileString } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStorage, quotaExceeded, readAll, snapshot } from '../src/storage.ts';

function thrownName(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as Error).name;
  }
  return undefined;
}

describe('MemoryStorage', () => {
  it('has Web Storage semantics: null for missing keys, insertion order, String() coercion', () => {
    const s = new MemoryStorage();
    expect(s.getItem('x')).toBe(null);
    s.setItem('b', '1');
    s.setItem('a', '2');
    s.setItem('b', '3');
    expect(s.length).toBe(2);
    expect([s.key(0), s.key(1), s.key(2), s.key(-1)]).toEqual(['b', 'a', null, null]);
    s.setItem('n', 5 as unknown as string);
    expect(s.getItem('n')).toBe('5');
    s.removeItem('b');
    s.removeItem('missing');
    expect(s.length).toBe(2);
  });

  it('key(i), length and usedSize() follow a plain Map through any mix of set, remove and clear', () => {
    const op = fc.oneof(
      fc.record({
        op: fc.constant('set' as const),
        k: fc.string({ maxLength: 3 }),
        v: fc.string({ maxLength: 4 }),
      }),
      fc.record({ op: fc.constant('remove' as const), k: fc.string({ maxLength: 3 }) }),
      fc.record({ op: fc.constant('clear' as const) }),
      fc.record({ op: fc.constant('read' as const), i: fc.integer({ min: -1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const s = new MemoryStorage();
        const model = new Map<string, string>();
        for (const o of ops) {
          if (o.op === 'set') {
            s.setItem(o.k, o.v);
            model.set(o.k, o.v);
          } else if (o.op === 'remove') {
            s.removeItem(o.k);
            model.delete(o.k);
          } else if (o.op === 'clear') {
            s.clear();
            model.clear();
          } else expect(s.key(o.i)).toBe([...model.keys()][o.i] ?? null);
          expect(s.length).toBe(model.size);
        }
        expect(Array.from({ length: s.length }, (_, i) => s.key(i))).toEqual([...model.keys()]);
        let size = 0;
        for (const [k, v] of model) size += k.length + v.length;
        expect(s.usedSize()).toBe(size);
      }),
      fcParams(),
    );
  });

  it('snapshot(storage) holds every key and value exactly, __proto__ included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileString(), hostileString({ long: true }))), (pairs) => {
        const expected = new Map(pairs);
        const snap = snapshot(new MemoryStorage(pairs));
        expect(Object.keys(snap).length).toBe(expected.size);
        for (const [k, v] of expected) expect(Object.hasOwn(snap, k) && snap[k] === v).toBe(true);
        expect(Object.getPrototypeOf(snap)).toBe(null);
      }),
      fcParams(0.5),
    );
  });

  it('readAll sorts by UTF-16 code units', () => {
    const s = new MemoryStorage([
      ['b', ''],
      ['\ud83d\ude00', ''],
      ['\uffff', ''],
      ['A', ''],
    ]);
    expect(readAll(s).map(([k]) => k)).toEqual(['A', 'b', '\ud83d\ude00', '\uffff']);
  });

  it('a quota counts keys and values in UTF-16 units and throws QuotaExceededError past it', () => {
    const s = new MemoryStorage({ ab: 'cd' }, { quota: 10 });
    s.setItem('ef', 'ghij'); // 4 + 6 = 10
    expect(thrownName(() => s.setItem('k', ''))).toBe('QuotaExceededError');
    s.setItem('ef', 'g'); // replacing frees space
    s.setItem('k', 'l');
    expect(s.usedSize()).toBe(9);
  });

  it('fault injection counts writes (setItem and removeItem) together and can corrupt reads', () => {
    const log: string[] = [];
    const s = new MemoryStorage(
      {},
      {
        fault: (op, key, n) => {
          log.push(`${op}:${key}:${n}`);
          if (op === 'setItem' && n === 3) return quotaExceeded(key);
          if (op === 'getItem' && key === 'lie') return 'corrupted';
          return undefined;
        },
      },
    );
    s.setItem('a', '1');
    s.removeItem('a');
    expect(thrownName(() => s.setItem('b', '2'))).toBe('QuotaExceededError');
    expect(s.getItem('b')).toBe(null);
    s.setItem('lie', 'truth');
    expect(s.getItem('lie')).toBe('corrupted');
    expect(log).toEqual([
      'setItem:a:1',
      'removeItem:a:2',
      'setItem:b:3',
      'getItem:b:1',
      'setItem:lie:4',
      'getItem:lie:2',
    ]);
  });
});
