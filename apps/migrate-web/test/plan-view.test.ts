import { MemoryStorage, planImport, readImportInput } from '@keyport/storage-migrate';
import { describe, expect, it } from 'vitest';
import { planView } from '../src/restore/plan-view.ts';

// A real v3 sr25519 keystore: polkadot-js/common packages/keyring/src/index.spec.ts
// @ 9281daa14c2c2a41708c3489de8770a064525577 (password `version3`), name changed.
const KEYED = JSON.stringify({
  address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
  encoded:
    'ILjSgYaGvq1zaCz/kx+aqfLaHBjLXz0Qsmr6RnkOVU4AgAAAAQAAAAgAAAB5R2hm5kgXyc0NQYFxvMU4zCdjB+ugs/ibEooqCvuudbaeKn3Ee47NkCqU1ecOJV+eeaVn4W4dRvIpj5kGmQOGsewR+MiQ/B0G9NFh7JXV0qcPlk2QMNW1/mbJrTO4miqL448BSkP7ZOhUV6HFUpMt3B9HwjiRLN8RORcFp0ID/Azs4Jl/xOpXNzbgQGIffWgCIKTxN9N1ku6tdlG4',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
  meta: { name: 'Mine <b>bold</b>', tags: [], whenCreated: 1595277797639 },
});
const KEYLESS = JSON.stringify({
  encoded: 'MFMCAQEwBQYDK2VwBCIEIKEjAyEA1DWTxxX90xxhFBq9BKmf1oIshViFTM3jmlaE56Vton0=',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['none'], version: '3' },
  address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  meta: { name: 'Watch', isExternal: true },
});
const KEY = 'account:0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

async function sourceOf(items: Record<string, string>) {
  return readImportInput(JSON.stringify(items), { now: () => 0 });
}

describe('plan view', () => {
  it('shows new / identical / conflicting counts by kind and lists names as text', async () => {
    const source = await sourceOf({
      [KEY]: KEYED,
      'address:0x01': '{"address":"5C","meta":{"name":"Bob"}}',
      settings: '{"storage":"on"}',
    });
    const target = new MemoryStorage({ settings: '{"storage":"on"}' });
    const view = planView('f.json', source, planImport(source, target, { policy: 'keep' }));
    const rows = [...view.querySelectorAll('#plan-table tbody tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['Accounts100', 'Address book100', 'Settings010']);
    expect(view.textContent).toContain('Mine <b>bold</b> (sr25519)');
    expect(view.querySelector('b')).toBeNull();
    expect(view.querySelector('#plan-summary')?.textContent).toBe(
      'Import will write 2 entries; 1 already identical.',
    );
    expect(view.querySelector('#plan-source')?.textContent).toContain('a JSON.stringify(localStorage) dump');
  });

  it('says what happens to each conflict: kept, replaced, or kept by the keyed-account guard', async () => {
    const source = await sourceOf({
      [KEY]: KEYLESS,
      'address:0x01': '{"address":"5C","meta":{"name":"theirs"}}',
    });
    const target = new MemoryStorage({
      [KEY]: KEYED,
      'address:0x01': '{"address":"5C","meta":{"name":"mine"}}',
    });
    const keep = planView('f.json', source, planImport(source, target, { policy: 'keep' })).textContent ?? '';
    expect(keep).toContain('existing entry kept');
    expect(keep).toContain('Import will write 0 entries and keep 2 existing entries.');
    const replace =
      planView('f.json', source, planImport(source, target, { policy: 'replace' })).textContent ?? '';
    expect(replace).toContain("theirs 5C: will be replaced with the file's copy");
    expect(replace).toContain("kept (the file's copy has no key, this browser's has one)");
  });
});
