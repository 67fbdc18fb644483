// Registry module of `subkey inspect` output, text or JSON (docs/rescue-formats.md "subkey").
// The parsing lives in ../subkey-output.ts. It holds a secret: derive and locate take it.
import { isKeyportError } from '../errors.ts';
import { isPlainObject } from '../plain.ts';
import type { FormatModule, Miss } from '../registry/types.ts';
import type { SecretInput } from '../secret-input.ts';
import { isSubkeyOutput, parseSubkeyOutput, subkeyKeyType } from '../subkey-output.ts';

/** What detection reports for subkey output: the public parts only. */
export interface SubkeyFacts {
  readonly format: 'subkey-output';
  readonly publicKey: string;
  readonly address: string | null;
}

function facts(input: unknown): SubkeyFacts | Miss {
  try {
    const o = parseSubkeyOutput(input);
    return { format: 'subkey-output', publicKey: o.publicKey, address: o.address };
  } catch (e) {
    if (!isKeyportError(e)) throw e;
    return { miss: e.message };
  }
}

/**
 * The secret inside subkey inspect output, text or JSON (the subkey-output module's `secret`).
 *
 * @throws what parseSubkeyOutput and subkeyKeyType throw.
 * @example await subkeySecretInput({ value: subkeyText })
 */
export async function subkeySecretInput(found: {
  readonly text?: string;
  readonly value: unknown;
}): Promise<SecretInput> {
  const output = parseSubkeyOutput(found.text ?? found.value);
  const type = await subkeyKeyType(output);
  return {
    source: 'subkey',
    secret: output.secret,
    type,
    warnings: [`subkey output: the ${type} key it prints`],
  };
}

/**
 * subkey inspect output: `Secret phrase: …` lines, or its `--output-type json` object.
 *
 * @example subkeyFormat.describe(facts) // 'subkey inspect output of 5Grw… (a secret: use derive --secret-file)'
 */
export const subkeyFormat: FormatModule<SubkeyFacts> = {
  id: 'subkey-output',
  label: 'subkey inspect output',
  holds: 'secret',
  matchValue(value) {
    if (!isPlainObject(value) || !('secretSeed' in value)) return undefined;
    return facts(value);
  },
  matchText: (text) => (isSubkeyOutput(text) ? facts(text) : undefined),
  secret: subkeySecretInput,
  describe: (d) =>
    `subkey inspect output of ${d.address ?? d.publicKey} (a secret: use derive --secret-file)`,
  report: ({ detected: d }) => ({
    format: 'subkey-output',
    accounts: d.address === null ? [] : [{ type: null, address: d.address, name: null }],
    details: { publicKey: d.publicKey, note: 'a secret; keyport derive --secret-file restores its account' },
  }),
};
