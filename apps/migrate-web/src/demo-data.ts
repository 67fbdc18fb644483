/**
 * The demo switch (`?demo`): which sample accounts the demo creates and their PUBLIC passwords,
 * printed on the page. Kept apart from demo.ts so the first load shows them without crypto.
 */

/** One demo account; `password` is public demo data, never a real secret. */
export interface DemoAccount {
  readonly name: string;
  readonly type: 'sr25519' | 'ed25519' | 'ecdsa' | 'ethereum';
  readonly password: string;
}

/** Every key type polkadot-js stores, with names that break naive copy scripts (quotes, backslash). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { name: 'Demo Alice (sr25519)', type: 'sr25519', password: 'demo-pass-sr25519' },
  { name: 'Demo Bob (ed25519)', type: 'ed25519', password: 'demo-pass-ed25519' },
  { name: 'Demo "Carol" \\ ecdsa', type: 'ecdsa', password: 'demo-pass-ecdsa' },
  { name: 'Demo Dave (ethereum)', type: 'ethereum', password: 'demo-pass-ethereum' },
];

/** True when the URL asks for demo data (`?demo`, `?demo=1`). */
export function wantsDemo(search: string): boolean {
  return new URLSearchParams(search).has('demo');
}
