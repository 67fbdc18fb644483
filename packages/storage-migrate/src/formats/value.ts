// The first check of every storage module's readers: the value they are handed is a JSON
// object, whatever detection said (the readers are public and take any Found).
import { isPlainObject, KeyportError } from '@keyport/core';

/**
 * `value` as a JSON object.
 *
 * @throws INVALID_INPUT naming `what` when it is not one.
 * @example objectOf(found.value, 'a localStorage dump')
 */
export function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new KeyportError('INVALID_INPUT', `${what} must be a JSON object`);
  return value;
}
