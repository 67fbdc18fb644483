import { COMPAT_SCRYPT, createKeystore, KeyportError, type ScryptBackend } from '@keyport/core';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { cryptoWaitReady, ed25519PairFromSeed, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckableAccount, checkableAccounts, checkPasswords } from '../src/check/passwords.ts';

const entries: { key: string; value: string }[] = [];

beforeAll(async () => {
  await cryptoWaitReady();
  const sr = sr25519PairFromSeed(new Uint8Array(32).fill(1));
  const ed = ed25519PairFromSeed(new Uint8Array(32).fill(2));
  const opts = { params: COMPAT_SCRYPT, scrypt: nodeScrypt };
  const a = await createKeystore({ type: 'sr25519', ...sr, meta: { name: 'A' } }, 'pw-a', opts);
  const b = await createKeystore({ type: 'ed25519', ...ed, meta: { name: 'B' } }, 'pw-b', opts);
  const keyless = await createKeystore({ type: 'sr25519', ...sr, meta: { name: 'no key' } }, '', opts);
  entries.push(
    { key: 'account:0x0a', value: JSON.stringify(a) },
    { key: 'account:0x0b', value: JSON.stringify(b) },
    { key: 'account:0x0c', value: JSON.stringify({ ...keyless, encoded: keyless.encoded }) },
    { key: 'account:0x0d', value: 'not json' },
    { key: 'address:0x0e', value: JSON.stringify(a) },
  );
});

describe('check passwords (view logic)', () => {
  it('offers only accounts that hold an encrypted key', () => {
    const list = checkableAccounts(entries);
    expect(list.map((x) => [x.key, x.name, x.type])).toEqual([
      ['account:0x0a', 'A', 'sr25519'],
      ['account:0x0b', 'B', 'ed25519'],
    ]);
  });

  it('a right password unlocks, a wrong one is WRONG_PASSWORD; progress counts every item', async () => {
    const [a, b] = checkableAccounts(entries) as [CheckableAccount, CheckableAccount];
    const progress: string[] = [];
    const results = await checkPasswords(
      [
        { account: a, password: 'pw-a' },
        { account: b, password: 'pw-a' },
      ],
      { scrypt: nodeScrypt, onProgress: (d, t) => progress.push(`${d}/${t}`) },
    );
    expect(results[0]).toEqual({ key: 'account:0x0a', ok: true });
    expect(results[1]).toMatchObject({ key: 'account:0x0b', ok: false, code: 'WRONG_PASSWORD' });
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    // No result carries the password.
    expect(JSON.stringify(results)).not.toContain('pw-a');
  });

  it('aborting rejects with CANCELLED', async () => {
    const [a] = checkableAccounts(entries) as [CheckableAccount];
    const controller = new AbortController();
    const hanging: ScryptBackend = () =>
      new Promise((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(new KeyportError('CANCELLED', 'stopped'))),
      );
    const run = checkPasswords([{ account: a, password: 'pw-a' }], {
      scrypt: hanging,
      signal: controller.signal,
    });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
