// One detection loop for every registry: text is cleaned (BOM, surrounding whitespace) and
// parsed when it starts like JSON; each module is asked in order; the first match wins; when
// none matches, the first module's Miss, else the registry's fallback, is the reason. Modules
// that read lines (one JSON value per line: Banana Split shards) get the text's lines as given
// and are asked also when it starts like JSON but is not one document. Never throws and never
// echoes the input.
import { isPlainObject, stripBom } from '../plain.ts';
import type {
  FormatFacts,
  FormatModule,
  Found,
  Miss,
  RegistryContext,
  TextMatch,
  UnknownFormat,
} from './types.ts';

/** The facts type of every module in a list, plus unknown. */
export type DetectedOf<L extends readonly FormatModule[]> =
  | (L[number] extends infer M ? (M extends FormatModule<infer D> ? D : never) : never)
  | UnknownFormat;

/** Where no module claimed the input: a JSON object, a JSON array or other text. */
export type FallbackKind = 'object' | 'array' | 'text';

/** Options of {@link createRegistry}. */
export interface RegistryOptions {
  /** The reason when no module claims the input (default: a generic sentence). */
  readonly fallback?: (kind: FallbackKind, text?: string) => string;
  /** Longer texts are refused without parsing (default: no limit). */
  readonly maxTextLength?: number;
}

/** An ordered list of format modules with detection and lookup over it. */
export interface Registry<D extends FormatFacts = FormatFacts> extends RegistryContext {
  readonly formats: readonly FormatModule[];
  /** Detects text (as read from a file or a paste) or an already parsed value. Never throws. */
  detect(input: unknown): Found<D | UnknownFormat>;
  detectValue(value: unknown): D | UnknownFormat;
}

function unknown(reason: string): UnknownFormat {
  return { format: 'unknown', reason };
}

function isMiss(r: object): r is Miss {
  return Object.hasOwn(r, 'miss');
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function defaultFallback(kind: FallbackKind): string {
  return kind === 'text' ? 'text is in no format keyport reads' : `a JSON ${kind} in no format keyport reads`;
}

/**
 * Builds a registry over `formats` (tried in order). The result's `D` is the union of the
 * modules' facts; derive it with {@link DetectedOf}.
 *
 * @example const registry = createRegistry<DetectedOf<typeof FORMATS>>(FORMATS); registry.detect(text).detected.format
 */
export function createRegistry<D extends FormatFacts>(
  formats: readonly FormatModule[],
  options: RegistryOptions = {},
): Registry<D> {
  const list = formats;
  const byIdMap = new Map<string, FormatModule>(list.map((m) => [m.id, m]));
  const fallback = options.fallback ?? defaultFallback;
  const maxLength = options.maxTextLength ?? Number.POSITIVE_INFINITY;

  /** The module whose Miss the last match reported, for Found.missedBy. */
  let missedBy: string | undefined;
  const miss = (m: FormatModule, r: Miss, first: string | undefined): string => {
    if (first !== undefined) return first;
    missedBy = m.id;
    return r.miss;
  };
  const matchValue = (value: unknown): D | UnknownFormat => {
    missedBy = undefined;
    if (!Array.isArray(value) && !isPlainObject(value)) {
      return unknown(`input is ${describeType(value)}, not text or a JSON object or array`);
    }
    let firstMiss: string | undefined;
    for (const m of list) {
      const r = m.matchValue?.(value, registry);
      if (r === undefined) continue;
      if (isMiss(r)) firstMiss = miss(m, r, firstMiss);
      else return r as D;
    }
    return unknown(firstMiss ?? fallback(Array.isArray(value) ? 'array' : 'object'));
  };

  const detectText = (raw: string): Found<D | UnknownFormat> => {
    const found = (detected: D | UnknownFormat, value: unknown = raw) => ({
      detected,
      value,
      text: raw,
      ...(detected.format === 'unknown' && missedBy !== undefined ? { missedBy } : {}),
    });
    missedBy = undefined;
    if (raw.length > maxLength) {
      return found(
        unknown(`input is ${raw.length} characters; no format keyport reads is over ${maxLength}`),
      );
    }
    const lines = stripBom(raw);
    const text = lines.trim();
    if (text === '') return found(unknown('input is empty'));
    let notJson: string | undefined;
    if (text.startsWith('{') || text.startsWith('[')) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
        // The parser's message quotes the input, which may hold a secret: say where, not what.
        notJson = 'text starts like JSON but does not parse as JSON';
      }
      if (notJson === undefined) return { ...found(matchValue(value), value), json: text };
    }
    // Text that starts like JSON but is not one document goes to the line readers only.
    let firstMiss: string | undefined;
    for (const m of list) {
      if (notJson !== undefined && !m.readsLines) continue;
      const given = m.readsLines ? lines : text;
      const r = m.matchText?.(given, registry);
      if (r === undefined) continue;
      if (isMiss(r)) firstMiss = miss(m, r, firstMiss);
      else if (Object.hasOwn(r, 'detected')) {
        const match = r as TextMatch<D>;
        const at = found(match.detected, Object.hasOwn(match, 'value') ? match.value : given);
        return match.json === undefined ? at : { ...at, json: match.json };
      } else return found(r as D, given);
    }
    return found(unknown(firstMiss ?? notJson ?? fallback('text', text)), text);
  };

  const registry: Registry<D> = {
    formats: list,
    byId: (id) => byIdMap.get(id),
    detectValue(value) {
      try {
        return matchValue(value);
      } catch (e) {
        return unknown(`input could not be inspected (${e instanceof Error ? e.name : typeof e})`);
      }
    },
    detect(input) {
      try {
        return typeof input === 'string' ? detectText(input) : { detected: matchValue(input), value: input };
      } catch (e) {
        const detected = unknown(`input could not be inspected (${e instanceof Error ? e.name : typeof e})`);
        return typeof input === 'string'
          ? { detected, value: input, text: input }
          : { detected, value: input };
      }
    },
  };
  return registry;
}
