// The rescue formats a command reads besides polkadot-js's own (docs/rescue-formats.md): for now
// Web3 (Ethereum) keystores, which unlock opens and convert turns into a polkadot-js ethereum
// keystore.
import {
  createKeystore,
  createWeb3,
  describeKeystore,
  isKeyportError,
  isWeb3Keystore,
  KeyportError,
  type KeystoreJson,
  openKeystore,
  openWeb3,
  type ScryptParams,
  stripBom,
  wipe,
} from '@keyport/core';
import { u8aToHex } from '@polkadot/util';
import { describeError, EXIT, errorCode } from './framework/errors.ts';
import type { Io } from './framework/io.ts';
import { cliScrypt } from './framework/scrypt.ts';

/**
 * The parsed JSON of `text` when it is a Web3 keystore, else undefined.
 *
 * @example const web3 = asWeb3(text); if (web3) …
 */
export function asWeb3(text: string): unknown {
  const t = stripBom(text).trim();
  if (!t.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
  return isWeb3Keystore(value) ? value : undefined;
}

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
 * A Web3 keystore as a polkadot-js `ethereum` keystore (what Apps' "Add via backup file" takes on
 * an Ethereum-type chain), encrypted with `newPassword`.
 *
 * @throws WRONG_PASSWORD, ADDRESS_MISMATCH and the parse errors of openWeb3.
 * @example const json = await web3ToKeystore(web3, password, password, DEFAULT_SCRYPT)
 */
export async function web3ToKeystore(
  web3: unknown,
  password: string,
  newPassword: string,
  params: ScryptParams,
): Promise<KeystoreJson> {
  const { account } = await openWeb3(web3, password, { scrypt: cliScrypt });
  try {
    return await createKeystore(account, newPassword, { params, scrypt: cliScrypt });
  } finally {
    wipe(account);
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
