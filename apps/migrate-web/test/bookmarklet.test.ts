// @vitest-environment node
// The bookmarklet: small (≤ 8,000 characters as a javascript: URL) and without bundle logic of
// its own. What it does on a real Apps tab is tested in Chromium (e2e/bridge.e2e.ts).
import { describe, expect, it } from 'vitest';
import { bookmarkletHref, MAX_BOOKMARKLET_CHARS } from '../src/bookmarklet/href.ts';
import { buildBookmarklet } from '../vite.config.ts';

let built: string | undefined;
const code = async (): Promise<string> => {
  built ??= await buildBookmarklet();
  return built;
};

describe('the bookmarklet', () => {
  it(`is at most ${MAX_BOOKMARKLET_CHARS} characters as a javascript: URL, for a long page URL too`, async () => {
    const href = bookmarkletHref(`https://keyport.example.org/${'a'.repeat(200)}/`, await code());
    expect(href.startsWith('javascript:')).toBe(true);
    expect(href.length).toBeLessThanOrEqual(MAX_BOOKMARKLET_CHARS);
  });

  it('holds no bundle logic: no checksum, no bundle format, no plan, no crypto', async () => {
    const source = await code();
    for (const word of [
      'keyport-localstorage-bundle',
      'checksum',
      'sha256',
      'SHA-256',
      'subtle',
      'scrypt',
      'summary',
    ])
      expect(source).not.toContain(word);
    // …but the one compare-and-set routine of storage-migrate, and the page URL it is given.
    expect(source).toContain('CONFLICT');
    expect(source).toContain('keyport-bridge/1');
  });

  it('carries the page URL as a JSON string literal: quotes and markup in it stay data', async () => {
    const url = 'https://x.example/");alert(1);("/</script>';
    const href = bookmarkletHref(url, 'var keyportBookmarklet=function(u){globalThis.seen=u}');
    const js = decodeURIComponent(href.slice('javascript:'.length));
    const seen: { seen?: string } = {};
    new Function('globalThis', js)(seen);
    expect(seen.seen).toBe(url);
  });
});
