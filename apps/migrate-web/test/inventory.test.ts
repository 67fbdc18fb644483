import { describe, expect, it } from 'vitest';
import { describeEntry, takeInventory } from '../src/inventory.ts';
import { renderInventory } from '../src/inventory-view.ts';

// Shapes as ui-keyring 3.16.7 stores them (docs/apps-storage.md §3).
const SR = JSON.stringify({
  encoded: 'AAAA',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
  address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  meta: { name: 'Alice', whenCreated: 1 },
});
const EXTERNAL = JSON.stringify({
  encoded: 'MFMCAQEwBQYDK2VwBCIEIKEjAyEA1DWTxxX90xxhFBq9BKmf1oIshViFTM3jmlaE56Vton0=',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['none'], version: '3' },
  address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  meta: { name: 'Watch', isExternal: true },
});
const ETH = JSON.stringify({
  encoded: 'AAAA',
  encoding: { content: ['pkcs8', 'ethereum'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
  address: '0x03b9dc646dd71118e5f7fda681ad9eca36eb3ee96f344f582fbe7b5bcdebb13077',
  meta: { name: 'Eth' },
});
const ETH_KEY = 'account:0x4119b2e6c3cb618f4f0b93ac77f9beec7ff02887';

function storageOf(items: Record<string, string>): Storage {
  localStorage.clear();
  for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  return localStorage;
}

describe('inventory (no crypto)', () => {
  it('describes key types from encoding.content, keyless records as external', () => {
    expect(describeEntry('account:0x01', SR)).toMatchObject({ name: 'Alice', type: 'sr25519' });
    expect(describeEntry('account:0x02', EXTERNAL)).toMatchObject({ name: 'Watch', type: 'external' });
  });

  it('shows the H160 of an ethereum account, not the stored public key', () => {
    expect(describeEntry(ETH_KEY, ETH)).toMatchObject({ type: 'ethereum', address: ETH_KEY.slice(8) });
  });

  it('never throws on a value that is not JSON: it is listed as unreadable', () => {
    expect(describeEntry('account:0x03', '{"broken')).toMatchObject({ type: 'unreadable', address: '0x03' });
    expect(describeEntry('account:0x04', '[1,2]').type).toBe('unreadable');
  });

  it('counts every key once by kind and lists entries sorted by key', () => {
    const inv = takeInventory(
      storageOf({
        'account:0x02': EXTERNAL,
        'account:0x01': SR,
        'address:0x09': '{"address":"5C","meta":{"name":"Bob"}}',
        settings: '{}',
        lcUrl: 'x',
      }),
    );
    expect(inv.total).toBe(5);
    expect(inv.counts).toEqual({ account: 2, address: 1, contract: 0, settings: 2, other: 0 });
    expect(inv.entries.map((e) => e.key)).toEqual(['account:0x01', 'account:0x02', 'address:0x09']);
  });

  it('renders names as text: markup in a name never becomes an element', () => {
    const hostile = JSON.stringify({ address: '5C', meta: { name: '<img src=x onerror="alert(1)">' } });
    const div = document.createElement('div');
    renderInventory(div, takeInventory(storageOf({ 'address:0x01': hostile })), false);
    expect(div.querySelector('img')).toBeNull();
    expect(div.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('says so when the origin holds nothing', () => {
    const div = document.createElement('div');
    renderInventory(div, takeInventory(storageOf({})), false);
    expect(div.textContent).toContain('0 entries');
  });

  it('in bridge mode, says when the tab does not look like Apps, and not when it does', () => {
    const div = document.createElement('div');
    renderInventory(div, takeInventory(storageOf({ 'cart-items': '[]', theme: 'dark' })), true);
    expect(div.textContent).toContain('The tab that ran the bookmarklet holds 2 entries');
    expect(div.querySelector('#not-apps')?.textContent).toContain('does not look like Polkadot-JS Apps');
    renderInventory(div, takeInventory(storageOf({ 'cart-items': '[]', settings: '{}' })), true);
    expect(div.querySelector('#not-apps')).toBeNull();
    renderInventory(div, takeInventory(storageOf({ 'cart-items': '[]' })), false);
    expect(div.querySelector('#not-apps')).toBeNull();
  });
});
