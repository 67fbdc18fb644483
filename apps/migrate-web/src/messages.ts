/**
 * Plain-language messages for errors, keyed by KeyportError's stable `code` (duck-typed so the
 * first load does not pull in @keyport/core). KeyportError messages never hold a secret; other
 * errors are shown by their message only.
 */

/** What the user should read for each code; the library's own message follows it. */
export const CODE_MESSAGES: Readonly<Record<string, string>> = {
  PASSWORD_REQUIRED: 'This file is encrypted. Enter its passphrase or password to continue.',
  WRONG_PASSWORD: 'Wrong passphrase or password. Nothing was written.',
  CORRUPT_DATA: 'The file is damaged (corrupt bundle). Nothing was written.',
  CHECKSUM_MISMATCH:
    'The bundle was changed or cut short (its checksum does not match). Nothing was written.',
  UNSUPPORTED_FORMAT: 'This is not a file keyport can read (wrong file?). Nothing was written.',
  UNSUPPORTED_VERSION: 'This file was made by a newer or unknown version. Nothing was written.',
  UNSAFE_SCRYPT_PARAMS: 'The file asks for scrypt settings polkadot-js refuses. Nothing was written.',
  INVALID_INPUT: 'The file does not have the expected content. Nothing was written.',
  WRITE_FAILED:
    'The browser refused to store the entries (storage full or blocked). Every change was rolled back.',
  VERIFY_FAILED: 'A written entry did not read back the same. Every change was rolled back.',
  CONFLICT: 'The storage changed while you were looking at the plan. Nothing was written.',
  BRIDGE_GONE:
    'The Apps tab is gone (closed, reloaded or navigated away). Nothing was written there. Run the bookmarklet on the Apps tab again.',
  BRIDGE_NO_OPENER:
    'This window was opened for the bookmarklet, but the tab that opened it is not reachable (closed, or the link between the windows was cut).',
  BRIDGE_NO_ANSWER:
    'The tab that opened this window did not answer. Was it opened by the keyport bookmarklet of this page?',
  CANCELLED: 'Cancelled.',
};

/** The same codes when putting the earlier values back failed too (`details.rolledBack` false). */
const NOT_ROLLED_BACK: Readonly<Record<string, string>> = {
  WRITE_FAILED:
    'The browser refused to store the entries (storage full or blocked), and putting every earlier value back failed too.',
  VERIFY_FAILED:
    'A written entry did not read back the same, and putting every earlier value back failed too.',
};

/** The `code` of a KeyportError-like value, or undefined. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * A sentence for the page: the plain-language text for the code plus the library's detail.
 *
 * @example errorMessage(new KeyportError('WRONG_PASSWORD', 'bundle: passphrase does not open it'))
 */
export function errorMessage(e: unknown): string {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const partial = (e as { details?: { rolledBack?: unknown } } | null)?.details?.rolledBack === false;
  const plain =
    code === undefined ? undefined : ((partial ? NOT_ROLLED_BACK[code] : undefined) ?? CODE_MESSAGES[code]);
  if (plain === undefined) return detail;
  return detail === '' ? `${plain} [${code}]` : `${plain}\nDetail: ${detail} [${code}]`;
}
