// Reading a file's bytes as text: UTF-16 with its byte-order mark (as Windows tools save
// "Unicode" text) reads the same as the UTF-8 file.
import { describe, expect, it } from 'vitest';
import { textFromBytes } from '../src/plain.ts';

const TEXT = '{"name":"Zoë 🦄","a":"\\u202e"}';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('textFromBytes', () => {
  it('UTF-8 (with or without its mark), UTF-16LE and UTF-16BE with their marks give the same text', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(textFromBytes(utf8)).toBe(TEXT);
    expect(textFromBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(TEXT);
    expect(textFromBytes(utf16(TEXT, true))).toBe(TEXT);
    expect(textFromBytes(utf16(TEXT, false))).toBe(TEXT);
  });

  it('bytes that are not UTF-8 become U+FFFD; without a mark, UTF-16 is not guessed', () => {
    expect(textFromBytes(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('{\ufffd}');
    expect(textFromBytes(new Uint8Array([0x7b, 0x00]))).toBe('{\u0000');
    expect(textFromBytes(new Uint8Array([]))).toBe('');
  });
});
