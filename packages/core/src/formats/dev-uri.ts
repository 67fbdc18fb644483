// Registry module of a dev URI such as `//Alice` or `//Alice//stash///pw`: a path on the
// well-known dev phrase (docs/derivation.md §3).
import type { FormatModule } from '../registry/types.ts';

/** What detection reports for a dev URI. */
export interface DevUriFacts {
  readonly format: 'dev-uri';
  readonly hasPassword: boolean;
}

/**
 * A derivation path on the dev phrase (`//Alice`).
 *
 * @example devUriFormat.describe({ format: 'dev-uri', hasPassword: false }) // 'a dev URI (use derive --secret-file)'
 */
export const devUriFormat: FormatModule<DevUriFacts> = {
  id: 'dev-uri',
  label: 'a dev URI (//Alice)',
  holds: 'secret',
  matchText(text) {
    if (!text.startsWith('//')) return undefined;
    return /^(\/\/?[^/]+)+(\/\/\/.*)?$/su.test(text)
      ? { format: 'dev-uri', hasPassword: text.includes('///') }
      : { miss: 'text starts with // but is not a derivation path like //Alice' };
  },
  describe: () => 'a dev URI (use derive --secret-file)',
  report: ({ detected: d }) => ({ format: 'dev-uri', accounts: [], details: { password: d.hasPassword } }),
};
