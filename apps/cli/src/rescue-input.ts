// Web3 (Ethereum) keystores in the CLI beyond what the registry does (docs/rescue-formats.md):
// unlock says in one line whether the password opens one, convert --to web3 writes one.
import {
  createWeb3,
  describeKeystore,
  isKeyportError,
  KeyportError,
  type KeystoreJson,
  openKeystore,
  openWeb3,
  wipe,
} from '@keyport/core';
import { u8aToHex } from '@polkadot/util';
import { describeError, EXIT, errorCode } from './framework/errors.ts';
import type { Io } from './framework/io.ts';
import { cliScrypt } from './framework/scrypt.ts';

/**
 * `keyport unlock` of a Web3 keystore: one line (or `--json`), exit 0 when it opens.
 *
 * @example return unlockWeb3(io, web3, password, flag(args, 'json'))
 */
export async function unlockWeb3(io: Io, web3: unknown, password: string, json: boolean): Promise<number> {
  try {
    const opened = await openWeb3(web3, password, { scrypt: cliScrypt });
    const { address } = opened.account;
    const publicKey = u8aToHex(opened.account.publicKey);
    wipe(opened.account);
    if (json) io.out(JSON.stringify({ accounts: [{ address, publicKey, type: 'ethereum', ok: true }] }));
    else io.out(`ok      ${address}  ethereum`);
    if (opened.padded)
      io.err('note: the key in the file is shorter than 32 bytes; read with leading zero bytes');
    if (opened.mnemonic !== undefined)
      io.err(`note: the file also holds ethers' mnemonic (path ${opened.path ?? '?'})`);
    io.err('1 of 1 account(s) unlocked');
    return EXIT.OK;
  } catch (e) {
    if (!isKeyportError(e) || !['WRONG_PASSWORD', 'ADDRESS_MISMATCH', 'CORRUPT_DATA'].includes(e.code))
      throw e;
    if (json)
      io.out(
        JSON.stringify({
          accounts: [{ address: null, publicKey: null, type: 'ethereum', ok: false, error: errorCode(e) }],
        }),
      );
    else io.out(`FAILED  ${describeError(e)}`);
    io.err('0 of 1 account(s) unlocked');
    return EXIT.FAILED;
  }
}

/**
 * A polkadot-js `ethereum` keystore as a Web3 v3 keystore (scrypt N = 2^17, r = 8, p = 1, as
 * ethers and MetaMask write), encrypted with `newPassword`.
 *
 * @throws UNSUPPORTED_KEY_TYPE for any other key type (an ecdsa account's address is its blake2
 * AccountId, not an Ethereum address); what openKeystore throws.
 * @example const v3 = await keystoreToWeb3(json, password, password)
 */
export async function keystoreToWeb3(
  json: KeystoreJson,
  password: string,
  newPassword: string,
): Promise<unknown> {
  const type = describeKeystore(json).keyType;
  if (type !== 'ethereum') {
    throw new KeyportError(
      'UNSUPPORTED_KEY_TYPE',
      `--to web3 takes an ethereum account; this one is ${type ?? 'of an unknown type'}${type === 'ecdsa' ? ' (its Substrate address is not an Ethereum address)' : ''}`,
      { type: type ?? null },
    );
  }
  const account = await openKeystore(json, password, { scrypt: cliScrypt });
  try {
    return await createWeb3(account, newPassword, { scrypt: cliScrypt });
  } finally {
    wipe(account);
  }
}
