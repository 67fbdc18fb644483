// inspect for the formats a secret is rescued from (docs/rescue-formats.md): Web3 keystores,
// Banana Split shards, QR payload texts and subkey output. Nothing secret is reported.
import { isBananaShard, parseWeb3, readBananaShards, stripBom, web3KdfCost } from '@keyport/core';
import { asWeb3 } from '../rescue-input.ts';
import type { InspectReport } from './inspect-core.ts';

/**
 * The report of a rescue format, or undefined when `text` is none of them.
 *
 * @throws what the format's parser throws for a file that is recognised but broken.
 * @example inspectRescueFormat(gethKeystoreText)?.format // 'web3-keystore'
 */
export function inspectRescueFormat(text: string): InspectReport | undefined {
  const value = asWeb3(text);
  if (value !== undefined) {
    const file = parseWeb3(value);
    return {
      format: 'web3-keystore',
      version: '3',
      encrypted: true,
      accounts: file.address === null ? [] : [{ type: 'ethereum', address: file.address, name: null }],
      details: {
        kdf: web3KdfCost(file.kdf),
        ...(file.address === null ? { address: 'not in the file (the password tells)' } : {}),
        ...(file.ethers
          ? {
              ethers: file.ethers.mnemonic
                ? `mnemonic inside, path ${file.ethers.path ?? '?'}`
                : 'no mnemonic',
            }
          : {}),
      },
    };
  }
  const firstLine = stripBom(text).trim().split(/\r?\n/)[0] ?? '';
  if (firstLine.startsWith('{') && isBananaShard(parseOrUndefined(firstLine))) {
    const shards = readBananaShards(stripBom(text));
    const first = shards[0]!;
    return {
      format: 'banana-split-shards',
      version: String(first.version),
      encrypted: true,
      accounts: [],
      details: {
        title: first.title,
        shards: shards.length,
        required: first.required,
        ids: shards.map((s) => s.id).join(', '),
        note: 'combine them with the passphrase: keyport combine <files> --passphrase-file <f> --out <file>',
      },
    };
  }
  return undefined;
}

function parseOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}
