// The small formats around the stores: Firefox's IndexedDB keys and structured clones, its
// origin folder names, profiles.ini, prefs.js; Chromium's Local State; where each browser keeps
// its profiles; the WAL applier's refusal to apply what does not check out.
import { fcParams } from '@keyport/test-harness';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyWal,
  chromiumProfilesFromLocalState,
  decodeIdbStringKey,
  decodeStructuredClone,
  defaultProfileRoots,
  extensionMatcher,
  extensionUuids,
  firefoxProfilesFromIni,
  originFromFolder,
  originFromOriginKey,
} from '../src/index.ts';

/** A structured clone built word by word: [tag, data] pairs and raw payloads. */
function clone(...parts: (readonly [number, number] | Uint8Array)[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      const padded = new Uint8Array(Math.ceil(p.length / 8) * 8);
      padded.set(p);
      chunks.push(padded);
    } else {
      const w = new Uint8Array(8);
      new DataView(w.buffer).setUint32(0, p[1], true);
      new DataView(w.buffer).setUint32(4, p[0], true);
      chunks.push(w);
    }
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
const latin = (s: string) => [
  [0xffff0004, s.length | 0x80000000] as const,
  new Uint8Array([...s].map((c) => c.charCodeAt(0))),
];

describe('Firefox IndexedDB keys', () => {
  it('decodes the observed "arr" and every width of code unit', () => {
    expect(decodeIdbStringKey(new Uint8Array([0x30, 0x62, 0x73, 0x73]), 'f')).toBe('arr');
    // 'é' (0xE9) takes two bytes, '中' (0x4E2D) three, 'Ā' (0x100) three ending in a zero byte
    // that storage trims.
    const e = 0xe9 - 0x7f;
    const z = (0x4e2d << 6) | 0xc00000;
    const a = (0x100 << 6) | 0xc00000;
    const bytes = [
      0x30,
      0x80 | (e >> 8),
      e & 0xff,
      z >> 16,
      (z >> 8) & 0xff,
      z & 0xff,
      a >> 16,
      (a >> 8) & 0xff,
    ];
    expect(a & 0xff).toBe(0);
    expect(decodeIdbStringKey(new Uint8Array(bytes), 'f')).toBe('é中Ā');
  });
  it('refuses a key that is not a string with CORRUPT_DATA', () => {
    expect(() => decodeIdbStringKey(new Uint8Array([0x10, 0, 0]), 'f')).toThrow(/expected a string/);
  });
});

describe('structured clones', () => {
  it('decodes objects, arrays, strings, numbers, booleans, null and back references', () => {
    const bytes = clone(
      [0xfff10000, 0],
      [0xffff0008, 0],
      ...latin('a'),
      [0xffff0007, 2],
      [0xffff0003, 0],
      [0xffff0003, -5 >>> 0],
      [0xffff0003, 1],
      [0xffff0002, 1],
      [0xffff0013, 0],
      ...latin('__proto__'),
      [0xffff0000, 0],
      ...latin('self'),
      [0xffff000d, 0],
      [0xffff0013, 0],
    );
    const v = decodeStructuredClone(bytes, 'f') as Record<string, unknown>;
    expect(v.a).toEqual([-5, true]);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v.self).toBe(v);
  });
  it('refuses a Map by name and random bytes with CORRUPT_DATA only', () => {
    expect(() => decodeStructuredClone(clone([0xffff0011, 0]), 'f')).toThrow(/Map, Set/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        try {
          decodeStructuredClone(b, 'f');
        } catch (e) {
          expect((e as { code?: string }).code).toBe('CORRUPT_DATA');
        }
      }),
      fcParams(1),
    );
  });
});

describe('profile folders', () => {
  it('turns Firefox origin folder names back into origins', () => {
    expect(originFromFolder('https+++polkadot.js.org')).toBe('https://polkadot.js.org');
    expect(originFromFolder('http+++127.0.0.1+45569')).toBe('http://127.0.0.1:45569');
    expect(originFromFolder('http+++localhost+3000^userContextId=2')).toBe(
      'http://localhost:3000^userContextId=2',
    );
  });
  it("turns the legacy store's originKey back into origins, and refuses one of another shape", () => {
    const f = 'webappsstore.sqlite';
    expect(originFromOriginKey('', 'gro.sj.todaklop.:https:443', f)).toBe('https://polkadot.js.org');
    expect(originFromOriginKey('', '1.0.0.721.:http:37425', f)).toBe('http://127.0.0.1:37425');
    expect(originFromOriginKey('', 'tsohlacol.:http:80', f)).toBe('http://localhost');
    expect(originFromOriginKey('^userContextId=2', 'gro.elpmaxe.:https:8443', f)).toBe(
      'https://example.org:8443^userContextId=2',
    );
    expect(originFromOriginKey('', ']1::[.:http:8080', f)).toBe('http://[::1]:8080');
    expect(originFromOriginKey('', 'dcba.:moz-extension', f)).toBe('moz-extension://abcd');
    for (const bad of ['', 'polkadot.js.org', 'gro.sj.todakop:https:443', '.:HTTPS:443']) {
      expect(() => originFromOriginKey('', bad, f)).toThrow(/webappsstore\.sqlite: an originKey/);
    }
  });

  it('reads profiles.ini: relative and absolute paths, names', () => {
    const ini =
      '[General]\nStartWithLastProfile=1\n\n[Profile1]\nName=work\nIsRelative=0\nPath=/abs/w\n\n[Profile0]\nName=default-esr\nIsRelative=1\nPath=ab.default-esr\nDefault=1\n[Install4F96D1932A9F858E]\nDefault=ab.default-esr\n';
    expect(firefoxProfilesFromIni(ini, '/r')).toEqual([
      { path: '/abs/w', name: 'work' },
      { path: '/r/ab.default-esr', name: 'default-esr' },
    ]);
  });
  it("reads Chromium's Local State profile list and ignores folder names that climb out", () => {
    const state = {
      profile: { info_cache: { Default: { name: 'Person 1' }, 'Profile 1': {}, '..': {}, 'a/b': {} } },
    };
    expect(chromiumProfilesFromLocalState(state)).toEqual([
      ['Default', 'Person 1'],
      ['Profile 1', undefined],
    ]);
    for (const bad of [null, 1, 'x', [], { profile: [] }])
      expect(chromiumProfilesFromLocalState(bad)).toEqual([]);
  });
  it('reads the add-on id → uuid map from prefs.js', () => {
    const prefs = `user_pref("a", 1);\nuser_pref("extensions.webextensions.uuids", "{\\"x@y\\":\\"1111-2222\\",\\"{7e3ce1f0-15fb-4fb1-99c6-25774749ec6d}\\":\\"3333\\"}");\n`;
    expect(extensionUuids(prefs)).toEqual({
      'x@y': '1111-2222',
      '{7e3ce1f0-15fb-4fb1-99c6-25774749ec6d}': '3333',
    });
    expect(extensionUuids('user_pref("extensions.webextensions.uuids", "not json");')).toEqual({});
  });
  it('knows the default places on Linux, macOS and Windows, honouring XDG and CHROME_CONFIG_HOME', () => {
    const linux = defaultProfileRoots({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/h' });
    expect(linux).toContainEqual({ browser: 'chromium', path: '/x/chromium' });
    expect(linux).toContainEqual({ browser: 'firefox', path: '/x/mozilla/firefox' });
    expect(linux).toContainEqual({ browser: 'firefox', path: '/h/.mozilla/firefox' });
    const chrome = defaultProfileRoots({ platform: 'linux', env: { CHROME_CONFIG_HOME: '/c' }, home: '/h' });
    expect(chrome).toContainEqual({ browser: 'brave', path: '/c/BraveSoftware/Brave-Browser' });
    const mac = defaultProfileRoots({ platform: 'darwin', env: {}, home: '/U' });
    expect(mac).toContainEqual({ browser: 'edge', path: '/U/Library/Application Support/Microsoft Edge' });
    const win = defaultProfileRoots({
      platform: 'win32',
      env: { LOCALAPPDATA: 'C:/L', APPDATA: 'C:/R' },
      home: 'C:/U',
    });
    expect(win).toContainEqual({ browser: 'chrome', path: 'C:/L/Google/Chrome/User Data' });
    expect(win).toContainEqual({ browser: 'firefox', path: 'C:/R/Mozilla/Firefox' });
  });
  it('matches wallet names to their store and add-on ids', () => {
    expect(extensionMatcher('polkadot-js')('mopnmbcafieddcagagdcbnhejhlodfdd')).toBe(true);
    expect(extensionMatcher('talisman')('{f5727e03-b26c-41e0-95dd-7e315ff16410}')).toBe(true);
    expect(extensionMatcher('subwallet')('mopnmbcafieddcagagdcbnhejhlodfdd')).toBe(false);
    expect(extensionMatcher('abc')('abc')).toBe(true);
  });
});

describe('the WAL applier', () => {
  it('adds nothing from a WAL that does not check out, and never fails on one', () => {
    const db = new Uint8Array(4096);
    db.set(new TextEncoder().encode('SQLite format 3\u0000'));
    db[18] = 2;
    db[19] = 2;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (wal) => {
        const { bytes, frames } = applyWal(db, wal);
        expect(frames).toBe(0);
        expect(bytes.length).toBe(db.length);
        expect([bytes[18], bytes[19]]).toEqual([1, 1]);
        expect(db[18]).toBe(2);
      }),
      fcParams(1),
    );
  });
});
