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
    expect(rows).toEqual(['Accounts1000', 'Address book1000', 'Settings0100']);
    expect(view.textContent).toContain('Mine <b>bold</b> (sr25519)');
    expect(view.querySelector('#plan-new bdi.name')?.textContent).toBe('Mine <b>bold</b>');
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
    expect(replace).toContain("theirs 5C (Apps cannot load it): will be replaced with the file's copy");
    expect(replace).toContain("kept (the file's copy has no key, this browser's has one)");
  });
});

describe('plan view: entries that would overwrite, look-alikes, choices', () => {
  const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
  const BOB_KEY = 'address:0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';
  const contact = (address: string, name: string) =>
    JSON.stringify({ address, meta: { name, whenCreated: 1 } });

  it('a record landing on a contact is listed apart, unticked, naming the contact it would replace; ticking it chooses it', async () => {
    const target = new MemoryStorage({ [BOB_KEY]: contact(BOB, 'Bob') });
    const source = await sourceOf({
      [`address:0x${'00'.repeat(32)}`]: contact(BOB, 'Bob (old)'),
      'address:0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d': contact(
        ALICE,
        'B\u043eb',
      ),
    });
    const chosen: [string, string][] = [];
    const view = planView('f.json', source, planImport(source, target, { now: () => 0 }), (k, c) =>
      chosen.push([k, c]),
    );
    const over = view.querySelector('#plan-overwrites li') as HTMLElement;
    expect(over.textContent).toContain('Bob (old)');
    expect(over.textContent).toContain(
      'not imported: once Apps loads it, it would replace the entries below',
    );
    expect(over.querySelector('.overwrites')?.textContent).toBe(
      `Would replace the contact Bob ${BOB} in this browser`,
    );
    const box = over.querySelector('input.entry-choice') as HTMLInputElement;
    expect([box.checked, box.getAttribute('data-key')]).toEqual([false, `address:0x${'00'.repeat(32)}`]);
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(chosen).toEqual([[`address:0x${'00'.repeat(32)}`, 'write']]);
    const fresh = view.querySelector('#plan-new li') as HTMLElement;
    expect(fresh.querySelector('.lookalike')?.textContent).toContain(
      `the contact Bob ${BOB} in this browser with another address`,
    );
    expect((fresh.querySelector('input.entry-choice') as HTMLInputElement).checked).toBe(true);
  });

  it('a conflict shows old against new: the key, the node Apps connects to', async () => {
    const target = new MemoryStorage({
      [KEY]: KEYED,
      settings: '{"apiUrl":"wss://rpc.polkadot.io","storage":"on"}',
    });
    const other = JSON.stringify({
      ...JSON.parse(KEYED),
      encoded: JSON.parse(KEYED).encoded.replace('I', 'J'),
    });
    const source = await sourceOf({
      [KEY]: other,
      settings: '{"apiUrl":"wss://evil.example","storage":"on"}',
    });
    const view = planView('f.json', source, planImport(source, target, { policy: 'replace', now: () => 0 }));
    const rows = [...view.querySelectorAll('#plan-conflicts table.change tbody tr')].map(
      (tr) => tr.textContent,
    );
    expect(rows).toEqual([
      "Keythis browser's keyANOTHER key (another password or account)",
      'Node (apiUrl)wss://rpc.polkadot.iowss://evil.example',
    ]);
    expect(view.textContent).toContain('kept: the file holds ANOTHER key for this account');
  });
});
