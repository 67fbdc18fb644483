// Registry module of text copied from a browser console (docs/apps-storage.md §9):
// JSON inside quotes or the wiki's `raw = '…'` line. Peeled by ../input/console.ts; what is
// inside is detected and read by the rest of the registry.
import { type FormatFacts, type Found, isPlainObject, type RegistryContext } from '@keyport/core';
import { ASSIGNMENT_START, type ConsoleLayer, unwrapConsoleText } from '../input/console.ts';
import { readEntries } from '../input/entries.ts';
import { entryCounts, keyringItems } from '../report.ts';
import type { ImportFormat } from './types.ts';

/** What detection reports for a console copy. */
export interface ConsoleCopyFacts<Inner extends FormatFacts = FormatFacts> {
  readonly format: 'console-copy';
  /** What was peeled off, outermost first. */
  readonly layers: readonly ConsoleLayer[];
  /** What the text inside is. */
  readonly inner: Inner;
  /** Both readings of the quotes parsed and differed (the JS literal reading is used). */
  readonly ambiguous: boolean;
}

const AMBIGUOUS_WARNING =
  'the quoted text reads as JSON both as a JavaScript string (used) and as written; if you added the quotes yourself, remove them and import again';

/** What is inside the quotes: as detected, or detected again when the facts lack it. */
function innerOf(found: Found<ConsoleCopyFacts>, registry: RegistryContext): FormatFacts {
  const inner: unknown = found.detected.inner;
  return isPlainObject(inner) && typeof inner.format === 'string'
    ? (inner as unknown as FormatFacts)
    : registry.detectValue(found.value);
}

/** Inner formats inspect lists item by item; for any other it only names what is inside. */
const LISTED = new Set(['localstorage-dump', 'keyport-bundle']);

/**
 * A console copy of JSON: read as whatever is inside.
 *
 * @example consoleCopyFormat.describe(detectInput(`'{"a":"b"}'`)) // 'a console copy of a localStorage dump of 1 item(s)'
 */
export const consoleCopyFormat: ImportFormat<ConsoleCopyFacts> = {
  id: 'console-copy',
  label: 'a copy from the browser console',
  holds: 'storage',
  matchText(text, registry) {
    if (!/^['"`]/.test(text) && !ASSIGNMENT_START.test(text)) return undefined;
    let unwrapped: ReturnType<typeof unwrapConsoleText>;
    try {
      unwrapped = unwrapConsoleText(text);
    } catch (e) {
      if (!(e instanceof Error && e.name === 'KeyportError')) throw e;
      return { miss: e.message };
    }
    const value: unknown = JSON.parse(unwrapped.json);
    const inner = registry.detectValue(value);
    const detected = {
      format: 'console-copy' as const,
      layers: unwrapped.layers,
      inner,
      ambiguous: unwrapped.ambiguous ?? false,
    };
    return { detected, value, json: unwrapped.json };
  },
  describe(d) {
    const inner = d.inner.format === 'unknown' ? 'text keyport does not read' : d.inner.format;
    return `a console copy of ${inner}`;
  },
  async report(found, registry) {
    const inner = innerOf(found, registry).format;
    if (!LISTED.has(inner)) return { format: 'console-copy', accounts: [], details: { inside: inner } };
    const { entries, skipped } = await readEntries(found, { now: () => 0 }, registry);
    return {
      format: 'console-copy',
      accounts: keyringItems(entries),
      details: {
        inside: inner,
        ...entryCounts(entries),
        ...(skipped.length > 0 ? { skipped: skipped.length } : {}),
      },
    };
  },
  async entries(found, options, context) {
    const inner = innerOf(found, context);
    const { ambiguous } = found.detected;
    const inside = {
      detected: inner,
      value: found.value,
      ...(found.json === undefined ? {} : { json: found.json }),
    };
    const body = await readEntries(inside, options, {
      byId: context.byId,
      detectValue: context.detectValue,
    });
    return ambiguous ? { ...body, warnings: [AMBIGUOUS_WARNING, ...body.warnings] } : body;
  },
};
