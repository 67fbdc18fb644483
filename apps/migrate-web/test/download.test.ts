import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleFileName, downloadText, hostLabel } from '../src/download.ts';
import { errorMessage } from '../src/messages.ts';

describe('file names', () => {
  it('keyport-<host>-<YYYY-MM-DD>.json uses the host and the local date', () => {
    expect(bundleFileName('https://polkadot.js.org', new Date(2026, 0, 31, 23, 59))).toBe(
      'keyport-polkadot.js.org-2026-01-31.json',
    );
    expect(bundleFileName('http://127.0.0.1:4173', new Date(2026, 10, 2), '-undo')).toBe(
      'keyport-127.0.0.1-4173-2026-11-02-undo.json',
    );
  });

  it('never puts a path separator or odd character in the name', () => {
    for (const origin of ['null', 'file://', 'http://[::1]:8080', 'https://a/b\\c']) {
      expect(hostLabel(origin)).toMatch(/^[A-Za-z0-9._-]+$/);
    }
  });
});

describe('downloadText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a temporary <a download> on a blob: URL and removes it', () => {
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    });
    downloadText(document, 'x.json', '{"a":1}');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.name).toBe('x.json');
    expect(clicked[0]?.href.startsWith('blob:')).toBe(true);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});

describe('error messages', () => {
  it('a KeyportError-like code gets a plain sentence plus the detail', () => {
    const e = Object.assign(new Error('bundle: the passphrase does not open it'), { code: 'WRONG_PASSWORD' });
    const text = errorMessage(e);
    expect(text).toContain('Wrong passphrase or password. Nothing was written.');
    expect(text).toContain('[WRONG_PASSWORD]');
  });

  it('other errors show their message only', () => {
    expect(errorMessage(new TypeError('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});
