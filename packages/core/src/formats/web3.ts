// Registry module of a Web3 Secret Storage v3 keystore (geth, MetaMask, ethers; docs/rescue-formats.md
// "Web3 Secret Storage"). The format itself lives in ../web3-keystore.ts (fields, which detection
// reads) and ../web3-crypto.ts (opening and writing, imported when a file is opened). Reading it needs its
// password (the seal): the key then becomes a polkadot-js `ethereum` keystore under the same
// password, which Apps imports on an Ethereum-type chain. `check` opens it for unlock in one
// pass; the writer turns a polkadot-js ethereum keystore back into a Web3 file.

import { u8aToHex } from '@polkadot/util';
import { wipe } from '../account.ts';
import { isKeyportError, KeyportError } from '../errors.ts';
import { createKeystore } from '../keystore/create.ts';
import { describeKeystore } from '../keystore/describe.ts';
import { openKeystore } from '../keystore/open.ts';
import type { FormatModule } from '../registry/types.ts';
import { DEFAULT_SCRYPT } from '../scrypt/params.ts';
import { isWeb3Keystore, parseWeb3, web3KdfCost } from '../web3-keystore.ts';

/** The Web3 crypto, loaded on the first open or write (detection never needs it). */
const web3Crypto = () => import('../web3-crypto.ts');

/** What detection reports for a Web3 keystore. */
export interface Web3Facts {
  readonly format: 'web3-keystore';
  /** The `address` field (checksummed H160), null when the file has none. */
  readonly address: string | null;
  /** The KDF and its cost, e.g. 'scrypt N=2^18, r=8, p=1: 256 MiB, …'. */
  readonly kdf: string;
  /** ethers' x-ethers block holds the encrypted mnemonic. */
  readonly mnemonic: boolean;
}

/**
 * A Web3 v3 keystore: `{version: 3, crypto|Crypto: {cipher, kdf, …}}`.
 *
 * @example web3Format.describe(facts) // 'a Web3 (Ethereum) keystore of 0x008A…786b'
 */
export const web3Format: FormatModule<Web3Facts> = {
  id: 'web3-keystore',
  label: 'a Web3 (Ethereum) keystore',
  holds: 'accounts',
  seal: { label: 'Web3 keystore password', option: 'password' },
  matchValue(value) {
    if (!isWeb3Keystore(value)) return undefined;
    try {
      const file = parseWeb3(value);
      return {
        format: 'web3-keystore',
        address: file.address,
        kdf: web3KdfCost(file.kdf),
        mnemonic: file.ethers?.mnemonic === true,
      };
    } catch (e) {
      if (!isKeyportError(e)) throw e;
      return { miss: e.message };
    }
  },
  describe: (d) => `a Web3 (Ethereum) keystore${d.address ? ` of ${d.address}` : ''}`,
  report: ({ detected: d }) => ({
    format: 'web3-keystore',
    version: '3',
    encrypted: true,
    accounts: d.address === null ? [] : [{ type: 'ethereum', address: d.address, name: null }],
    details: {
      kdf: d.kdf,
      ...(d.address === null ? { address: 'not in the file (the password tells)' } : {}),
      ...(d.mnemonic ? { ethers: 'the mnemonic is inside too (x-ethers)' } : {}),
    },
  }),
  async open(found, options) {
    if (options.password === undefined) {
      throw new KeyportError('PASSWORD_REQUIRED', 'a Web3 keystore needs its password to be read');
    }
    const { openWeb3 } = await web3Crypto();
    const { account } = await openWeb3(found.value, options.password, {
      ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    });
    try {
      const keystore = await createKeystore(account, options.password, {
        params: DEFAULT_SCRYPT,
        ...(options.scrypt ? { scrypt: options.scrypt } : {}),
      });
      return { accounts: [{ index: 0, keystore }], contacts: [], skipped: [] };
    } finally {
      wipe(account);
    }
  },
  async check(found, options) {
    if (options.password === undefined) {
      throw new KeyportError('PASSWORD_REQUIRED', 'a Web3 keystore needs its password to be read');
    }
    const { openWeb3 } = await web3Crypto();
    const opened = await openWeb3(found.value, options.password, {
      ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    });
    const { address, publicKey, type } = opened.account;
    const checked = { address, publicKey: u8aToHex(publicKey), type };
    wipe(opened.account);
    const notes: string[] = [];
    if (opened.padded)
      notes.push('the key in the file is shorter than 32 bytes; read with leading zero bytes');
    if (opened.mnemonic !== undefined)
      notes.push(`the file also holds ethers' mnemonic (path ${opened.path ?? '?'})`);
    return { accounts: [checked], notes };
  },
  writer: {
    name: 'web3',
    takes: 'one',
    keepsKeyless: false,
    /** One polkadot-js ethereum keystore, opened with `accountPassword`, sealed with `password` (default: the same). */
    async write({ accounts }, options) {
      const keystores = accounts.flatMap((a) => ('keystore' in a ? [a.keystore] : []));
      if (keystores.length !== 1) {
        throw new KeyportError(
          'INVALID_INPUT',
          `a Web3 keystore holds one account; ${keystores.length} given`,
          {
            count: keystores.length,
          },
        );
      }
      const json = keystores[0]!;
      const type = describeKeystore(json).keyType;
      if (type !== 'ethereum') {
        throw new KeyportError(
          'UNSUPPORTED_KEY_TYPE',
          `a Web3 keystore takes an ethereum account; this one is ${type ?? 'of an unknown type'}${type === 'ecdsa' ? ' (its Substrate address is not an Ethereum address)' : ''}`,
          { type: type ?? null },
        );
      }
      const open = options.accountPassword ?? options.password;
      if (open === undefined) {
        throw new KeyportError(
          'PASSWORD_REQUIRED',
          'writing a Web3 keystore opens the account: its password is needed',
        );
      }
      const scrypt = options.scrypt ? { scrypt: options.scrypt } : {};
      const account = await openKeystore(json, open, scrypt);
      try {
        const { createWeb3 } = await web3Crypto();
        return JSON.stringify(
          await createWeb3(account, options.password ?? open, {
            ...scrypt,
            ...(options.params ? { kdf: { kdf: 'scrypt' as const, ...options.params } } : {}),
            ...(options.random ? { random: options.random } : {}),
          }),
        );
      } finally {
        wipe(account);
      }
    },
  },
};
