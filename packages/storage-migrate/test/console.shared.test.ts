// Every way `JSON.stringify(localStorage)` reaches keyport from a browser console restores the
// storage exactly (docs/apps-storage.md §9): raw, '…' (Chromium), "…" (Firefox, double-encoded),
// `…`, the wiki's `raw = '…';` line, with a BOM, CRLF and stray whitespace.
import { appsStorage, fcParams, hostileString, throwsWithCode } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../src/apply.ts';
import { unwrapConsoleText } from '../src/input/console.ts';
import { encodeJsStringLiteral } from '../src/input/js-literal.ts';
import { readImportInput } from '../src/input/read.ts';
import { planImport } from '../src/plan/plan.ts';
import { MemoryStorage, snapshot } from '../src/storage.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

type Form = [name: string, wrap: (dump: string) => string];
const FORMS: Form[] = [
  ['raw JSON', (d) => d],
  ['pretty JSON with CRLF', (d) => JSON.stringify(JSON.parse(d), null, 2).replace(/\n/g, '\r\n')],
  ["Chromium '…'", (d) => encodeJsStringLiteral(d, "'")],
  ['Firefox "…" (a JSON string: double-encoded)', (d) => JSON.stringify(d)],
  ['template `…`', (d) => encodeJsStringLiteral(d, '`')],
  ["wiki line raw = '…';", (d) => `raw = ${encodeJsStringLiteral(d, "'")};`],
  ['var raw = "…"', (d) => `var raw = ${JSON.stringify(d)}`],
  ['double-encoded twice', (d) => JSON.stringify(JSON.stringify(d))],
  ["Chromium '…' of a double-encoded string", (d) => encodeJsStringLiteral(JSON.stringify(d), "'")],
];
const DECORATIONS: [string, (t: string) => string][] = [
  ['as is', (t) => t],
  ['BOM + CRLF', (t) => `\ufeff${t}\r\n`],
  ['whitespace', (t) => ` \r\n\t${t} \n\n`],
];

async function restored(text: string): Promise<Record<string, string>> {
  const source = await readImportInput(text);
  const target = new MemoryStorage();
  applyPlan(planImport(source, target), target, { now: () => 0 });
  return snapshot(target);
}

const anyStorage = fc.array(fc.tuple(hostileString({ maxPieces: 5 }), hostileString({ long: true })), {
  maxLength: 8,
});

describe('console copies of JSON.stringify(localStorage)', () => {
  it('every console form, decorated or not, restores an identical storage', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyStorage,
        fc.constantFrom(...FORMS),
        fc.constantFrom(...DECORATIONS),
        async (pairs, [, wrap], [, decorate]) => {
          const record = Object.fromEntries(pairs);
          const got = await restored(decorate(wrap(JSON.stringify(record))));
          expect(JSON.stringify(Object.entries(got).sort())).toBe(
            JSON.stringify(Object.entries(record).sort()),
          );
        },
      ),
      fcParams(3),
    );
  });

  it("quotes added by hand around the raw text (the wiki's step 5): exact, or flagged as ambiguous", async () => {
    await fc.assert(
      fc.asyncProperty(appsStorage(), async (record) => {
        const dump = JSON.stringify(record);
        const text = `'${dump}'\r\n`;
        const { layers, ambiguous } = unwrapConsoleText(text);
        if (dump.includes('\\"')) expect(layers).toEqual(['quoted-raw']);
        const source = await readImportInput(text);
        expect(source.warnings.some((w) => w.includes('both as a JavaScript string'))).toBe(
          ambiguous === true,
        );
        if (ambiguous) return; // read as the console literal, and the user is told so
        const got = await restored(text);
        expect(JSON.stringify(Object.entries(got).sort())).toBe(
          JSON.stringify(Object.entries(record).sort()),
        );
      }),
      fcParams(0.5),
    );
  });

  it('names the layers it peeled and flags a copy that reads two ways', () => {
    expect(unwrapConsoleText(`raw = '{"a":"b"}';`).layers).toEqual(['assignment', 'single-quoted']);
    expect(unwrapConsoleText('"{\\"a\\":\\"b\\"}"').layers).toEqual(['double-quoted']);
    // '{"k":"\\n"}' is Chromium's display of {"k":"\n"} and also {"k":"\\n"} with quotes added.
    const twoWays = unwrapConsoleText(`'{"k":"\\\\n"}'`);
    expect(twoWays.ambiguous).toBe(true);
    expect(JSON.parse(twoWays.json)).toEqual({ k: '\n' });
  });

  it('a truncated or mangled copy is INVALID_INPUT, never a partial import', () => {
    const dump = JSON.stringify({ 'account:0x01': '{"meta":{"name":"a"}}', other: 'x' });
    for (const bad of [
      encodeJsStringLiteral(dump).slice(0, -5),
      `raw = ${encodeJsStringLiteral(dump)} extra`,
      `'${dump.slice(0, -1)}'`,
      `"${dump}`,
      '\'{"a":"b"}\' + 1',
    ]) {
      throwsWithCode(() => unwrapConsoleText(bad), 'INVALID_INPUT');
    }
  });
});
