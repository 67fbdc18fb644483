// Registry module of a raw 32-byte seed as 0x hex, optionally followed by a derivation path
// (docs/derivation.md §4). Derived by ../derive/derive.ts.
import type { FormatModule } from '../registry/types.ts';
import { secretReport, secretTail } from './secret-text.ts';

/** What detection reports for a raw seed: its shape only. */
export interface RawSeedFacts {
  readonly format: 'raw-seed';
  readonly hasPath: boolean;
  readonly hasPassword: boolean;
}

/**
 * A `0x` + 64 hex digit seed (`//path` and `///password` may follow).
 *
 * @example rawSeedFormat.describe({ format: 'raw-seed', hasPath: false, hasPassword: false }) // 'a raw seed (a secret: use derive --secret-file)'
 */
export const rawSeedFormat: FormatModule<RawSeedFacts> = {
  id: 'raw-seed',
  label: 'a raw seed (secret)',
  holds: 'secret',
  matchText(text) {
    const { head, hasPath, hasPassword } = secretTail(text);
    if (!/^0x/i.test(head) || text.startsWith('//')) return undefined;
    if (/^0x[0-9a-f]{64}$/i.test(head)) return { format: 'raw-seed', hasPath, hasPassword };
    if (/^0x(?:[0-9a-f]{2})+$/i.test(head)) {
      const bytes = (head.length - 2) / 2;
      const hint = bytes === 64 ? ' (64 bytes looks like an expanded secret key, not a seed)' : '';
      return { miss: `0x hex of ${bytes} bytes; a seed is 32 bytes (64 hex digits)${hint}` };
    }
    return { miss: 'text starts with 0x but is not whole bytes of hex' };
  },
  describe: () => 'a raw seed (a secret: use derive --secret-file)',
  report: ({ detected: d }) => secretReport('raw-seed', { path: d.hasPath, password: d.hasPassword }),
};
