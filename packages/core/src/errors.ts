/**
 * Stable error codes. A caller branches on `code`, never on the message text. WORKER_FAILED: a
 * scrypt worker could not start, crashed or failed inside (never a wrong password).
 * Messages name the field and what was expected; they never contain a password,
 * mnemonic, seed or decrypted key.
 */
export type KeyportErrorCode =
  | 'WRONG_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'UNSUPPORTED_VERSION'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_KEY_TYPE'
  | 'UNSAFE_SCRYPT_PARAMS'
  | 'CORRUPT_DATA'
  | 'ADDRESS_MISMATCH'
  | 'INVALID_MNEMONIC'
  | 'INVALID_SEED'
  | 'INVALID_DERIVATION'
  | 'INVALID_ADDRESS'
  | 'UNKNOWN_NETWORK'
  | 'INVALID_INPUT'
  | 'CHECKSUM_MISMATCH'
  | 'CONFLICT'
  | 'WRITE_FAILED'
  | 'VERIFY_FAILED'
  | 'CANCELLED'
  | 'WORKER_FAILED';

/**
 * The one error base class of keyport. `code` is stable; `details` carries
 * machine-readable, non-secret context (a field name, an index, a version).
 *
 * @example
 * try { await openKeystore(json, pw) } catch (e) {
 *   if (e instanceof KeyportError && e.code === 'WRONG_PASSWORD') askAgain();
 * }
 */
export class KeyportError extends Error {
  override readonly name: string = 'KeyportError';
  readonly code: KeyportErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: KeyportErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** True when `e` is a KeyportError, optionally with the given code. */
export function isKeyportError(e: unknown, code?: KeyportErrorCode): e is KeyportError {
  return e instanceof KeyportError && (code === undefined || e.code === code);
}
