// Registry module of SubWallet's batch file: the extension's batch plus `accountProxies` /
// `modifyPairs` (docs/batch-and-arrays.md §5). Read and written by batch.ts's parts; the
// extras are kept when it is written again.
import type { FormatModule } from '../registry/types.ts';
import { type BatchFacts, batchFormat, matchBatch } from './batch.ts';

/**
 * SubWallet's "export all" batch: like {@link batchFormat}, with account groups carried along.
 *
 * @example subwalletBatchFormat.label // 'a SubWallet batch file'
 */
export const subwalletBatchFormat: FormatModule<BatchFacts> = {
  ...batchFormat,
  id: 'subwallet-batch',
  label: 'a SubWallet batch file',
  matchValue: matchBatch(true),
};
