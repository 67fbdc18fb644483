// The one dispatch from a detected input to its storage items: the module's own `entries` for
// storage formats, core's holdings converted for account and contact files, a typed refusal
// for secrets and unknown input. No per-format switch.
import { type Found, KeyportError, type OpenOptions } from '@keyport/core';
import type { ImportBody, ImportContext, ImportFormat } from '../formats/types.ts';
import { holdingsEntries } from './holdings.ts';
import type { ReadImportOptions } from './read.ts';

/**
 * The open options of a module: its seal password taken from `password` or `passphrase`.
 *
 * @example openOptions(batchFormat, { password: 'pw' }) // { password: 'pw' }
 */
export function openOptions(module: ImportFormat, options: ReadImportOptions): OpenOptions {
  const seal = module.seal?.option === 'passphrase' ? options.passphrase : options.password;
  return {
    ...(seal === undefined ? {} : { password: seal }),
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
  };
}

/**
 * The storage items of a detected input.
 *
 * @throws UNSUPPORTED_FORMAT for a secret (derive it instead), INVALID_INPUT for unknown input,
 * and what the format's reader throws.
 * @example await readEntries(registry.detect(text), { password }, registry)
 */
export async function readEntries(
  found: Found,
  options: ReadImportOptions,
  context: ImportContext,
): Promise<ImportBody> {
  const { detected } = found;
  const module = context.byId(detected.format) as ImportFormat | undefined;
  if (module?.entries) return module.entries(found, options, context);
  if (module?.open) return holdingsEntries(await module.open(found, openOptions(module, options)), options);
  if (module?.holds === 'secret') {
    throw new KeyportError(
      'UNSUPPORTED_FORMAT',
      `this looks like a ${detected.format}, a secret, not a storage export: derive the account from it instead`,
      { format: detected.format },
    );
  }
  const reason = 'reason' in detected ? String(detected.reason) : detected.format;
  throw new KeyportError('INVALID_INPUT', `not an input keyport can import: ${reason}`);
}
