// Registry module of one Banana Split shard, the text of one QR code (docs/rescue-formats.md
// "Banana Split"). The shards and their combination live in ../banana-split.ts; `keyport
// combine` recovers the secret. A shard holds part of a secret: nothing of it is reported but
// the title, the counts and the version.
import { isBananaShard, parseBananaShard } from '../banana-shard.ts';
import { isKeyportError } from '../errors.ts';
import type { FormatModule } from '../registry/types.ts';

/** What detection reports for a shard. */
export interface BananaShardFacts {
  readonly format: 'banana-split-shard';
  readonly version: 0 | 1;
  readonly title: string;
  readonly required: number;
  readonly id: number;
}

/**
 * One Banana Split shard: `{"v":1,"t":…,"r":…,"d":…,"n":…}` (no `v`: version 0).
 *
 * @example bananaShardFormat.describe(facts) // 'a Banana Split shard of "my seed" (2 needed; use combine)'
 */
export const bananaShardFormat: FormatModule<BananaShardFacts> = {
  id: 'banana-split-shard',
  label: 'a Banana Split shard',
  holds: 'secret',
  matchValue(value) {
    if (!isBananaShard(value)) return undefined;
    try {
      const s = parseBananaShard(value);
      return {
        format: 'banana-split-shard',
        version: s.version,
        title: s.title,
        required: s.required,
        id: s.id,
      };
    } catch (e) {
      if (!isKeyportError(e)) throw e;
      return { miss: e.message };
    }
  },
  describe: (d) =>
    `a Banana Split shard of ${JSON.stringify(d.title.slice(0, 60))} (${d.required} needed; use combine)`,
  report: ({ detected: d }) => ({
    format: 'banana-split-shard',
    version: String(d.version),
    encrypted: true,
    accounts: [],
    details: {
      title: d.title,
      required: d.required,
      id: d.id,
      note: 'combine the shards with the passphrase: keyport combine <files> --passphrase-file <f> --out <file>',
    },
  }),
};
