// The LevelDB reader on logs whose every byte is known (test/log-writer.ts): fragments across
// blocks, checksums, torn and flipped data, MANIFEST replay, deletes and recovery; and random
// bytes never give anything but a typed error.
import { fcParams } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  crc32c,
  decodeBlinkString,
  encodeBlinkString,
  Findings,
  type LevelDbFiles,
  LOG_BLOCK,
  maskCrc,
  readLevelDb,
  unmaskCrc,
} from '../src/index.ts';
import { writeBatch, writeLog, writeManifest } from './log-writer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function db(files: Record<string, Uint8Array>): LevelDbFiles {
  return { dir: 'db', files: new Map(Object.entries(files)) };
}

function liveOf(files: Record<string, Uint8Array>, salvage = false) {
  const findings = new Findings(salvage);
  const view = readLevelDb(db(files), findings);
  const live = Object.fromEntries([...view.live.values()].map((r) => [dec(r.key), dec(r.value)]));
  return { view, live, findings };
}

function expectCorrupt(fn: () => unknown, file: string): void {
  try {
    fn();
  } catch (e) {
    expect((e as { code?: string }).code).toBe('CORRUPT_DATA');
    expect((e as { details: { file: string } }).details.file).toBe(file);
    return;
  }
  throw new Error('expected CORRUPT_DATA');
}

const CURRENT = enc('MANIFEST-000002\n');
const big = 'v'.repeat(3 * LOG_BLOCK + 123);

function sample() {
  return {
    CURRENT,
    'MANIFEST-000002': writeManifest(3),
    '000003.log': writeLog([
      writeBatch(1, [
        [enc('a'), enc('1')],
        [enc('big'), enc(big)],
        [enc('gone'), enc('SECRET-OLD')],
      ]),
      writeBatch(4, [[enc('gone')], [enc('a'), enc('2')]]),
    ]),
  };
}

describe('CRC-32C and LevelDB masking', () => {
  it('matches the RFC 3720 check values', () => {
    expect(crc32c(enc('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
  });
  it('unmask(mask(x)) === x for every 32-bit x', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (x) => unmaskCrc(maskCrc(x)) === x),
      fcParams(1),
    );
  });
});

describe("Chromium's localStorage strings", () => {
  it('decode(encode(s)) === s for every string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), (a, b) => {
        for (const s of [a, b, `${b}\ud800`]) expect(decodeBlinkString(encodeBlinkString(s), 'x')).toBe(s);
      }),
      fcParams(1),
    );
  });
  it('uses Latin-1 when every unit fits and UTF-16LE otherwise (bytes as Chromium writes them)', () => {
    expect([...encodeBlinkString('café')]).toEqual([1, 0x63, 0x61, 0x66, 0xe9]);
    expect([...encodeBlinkString('x\ud800y')]).toEqual([0, 0x78, 0, 0, 0xd8, 0x79, 0]);
    expect(decodeBlinkString(new Uint8Array(0), 'x')).toBe('');
  });
  it('reads byte n as U+00nn for all 256 bytes (ISO-8859-1, not windows-1252: 0x80 is U+0080, not €)', () => {
    const all = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    expect(decodeBlinkString(new Uint8Array([1, ...Array.from({ length: 256 }, (_, i) => i)]), 'x')).toBe(
      all,
    );
  });
  it('refuses an unknown format byte and odd UTF-16 with CORRUPT_DATA', () => {
    expectCorrupt(() => decodeBlinkString(new Uint8Array([2, 0x41]), 'f'), 'f');
    expectCorrupt(() => decodeBlinkString(new Uint8Array([0, 0x41]), 'f'), 'f');
  });
});

describe('readLevelDb on a log it can check byte by byte', () => {
  it('reassembles a record split over four blocks; the newest write of each key wins; a delete hides the key', () => {
    const { live, view } = liveOf(sample());
    expect(live).toEqual({ a: '2', big });
    expect(view.currentKnown).toBe(true);
    expect(view.comparator).toBe('leveldb.BytewiseComparator');
  });
  it('lists the deleted and the overwritten value as recoverable, apart from the live set', () => {
    const { view } = liveOf(sample());
    const rec = view.recoverable.map((r) => [
      dec(r.record.key),
      dec(r.record.value),
      r.record.seq,
      r.supersededBy,
    ]);
    expect(rec).toEqual([
      ['a', '1', 1, { seq: 5, put: true }],
      ['gone', 'SECRET-OLD', 3, { seq: 4, put: false }],
    ]);
  });
  it('a truncated log fails naming the file; salvage keeps the operations of the unfinished batch that are whole', () => {
    const files = sample();
    const log = files['000003.log'];
    const cut = { ...files, '000003.log': log.subarray(0, 2 * LOG_BLOCK + 50) };
    expectCorrupt(() => liveOf(cut), 'db/000003.log');
    const { live, findings } = liveOf(cut, true);
    expect(live).toEqual({ a: '1' });
    expect(findings.damaged.map((d) => [d.file, d.lost])).toEqual([['db/000003.log', 'record']]);
    expect(findings.notes.join()).toMatch(/salvaged from a write batch that never finished/);
  });
  it('a flipped byte fails its checksum: an error naming the file, or (salvage) that block skipped and reported', () => {
    const files = sample();
    const log = files['000003.log'].slice();
    log[LOG_BLOCK + 100] = log[LOG_BLOCK + 100]! ^ 0x01;
    expectCorrupt(() => liveOf({ ...files, '000003.log': log }), 'db/000003.log');
    const { live, findings } = liveOf({ ...files, '000003.log': log }, true);
    expect(live.big).toBeUndefined();
    expect(findings.damaged.some((d) => d.what === 'checksum mismatch' && d.offset === LOG_BLOCK)).toBe(true);
  });
  it('a missing CURRENT fails naming it; salvage reads the newest MANIFEST and says so', () => {
    const { CURRENT: _, ...rest } = sample();
    expectCorrupt(() => liveOf(rest), 'db/CURRENT');
    const { live, findings } = liveOf(rest, true);
    expect(live).toEqual({ a: '2', big });
    expect(findings.notes.join()).toMatch(/newest MANIFEST/);
  });
  it('without any MANIFEST, salvage reads every file and warns that the state is a best guess', () => {
    const { live, view, findings } = liveOf({ '000003.log': sample()['000003.log'] }, true);
    expect(live).toEqual({ a: '2', big });
    expect(view.currentKnown).toBe(false);
    expect(findings.notes.join()).toMatch(/best guess/);
  });
  it('a log older than the MANIFEST log number is not live, but its values are recoverable', () => {
    const files = { ...sample(), 'MANIFEST-000002': writeManifest(9) };
    const { live, view } = liveOf(files);
    expect(live).toEqual({});
    expect(view.recoverable.map((r) => dec(r.record.key)).sort()).toEqual(['a', 'big', 'gone']);
  });
  it('random bytes as any file give a result or CORRUPT_DATA, never another error', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('000003.log', '000004.ldb', 'MANIFEST-000002', 'CURRENT'),
        fc.boolean(),
        (bytes, name, salvage) => {
          try {
            liveOf({ ...sample(), [name]: bytes }, salvage);
          } catch (e) {
            expect((e as { code?: string }).code).toBe('CORRUPT_DATA');
          }
        },
      ),
      fcParams(2),
    );
  });
});
