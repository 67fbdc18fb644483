// inspect for the storage formats of @keyport/storage-migrate (bundles, localStorage dumps,
// console copies, extension storage). Filled in when that library's detectInput lands.
import type { InspectReport } from './inspect.ts';

/** The report for a storage format, or undefined when the text is none of them. */
export async function inspectStorageInput(_text: string): Promise<InspectReport | undefined> {
  return undefined;
}
