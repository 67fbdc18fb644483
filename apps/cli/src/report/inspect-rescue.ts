// inspect for the formats a secret is rescued from (docs/rescue-formats.md): Web3 keystores,
// Banana Split shards, QR payload texts and subkey output. Nothing secret is reported.
import { parseWeb3, web3KdfCost } from '@keyport/core';
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
  return undefined;
}
