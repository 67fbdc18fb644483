// Names that look the same to a person: the same letters after Unicode compatibility folding,
// case folding, invisible and direction characters removed, whitespace collapsed, and common
// Cyrillic and Greek letters read as the Latin ones they copy (docs/apps-load.md).
import type { AppsItem } from './apps-view.ts';

// Cyrillic and Greek letters drawn like Latin ones (lowercase; the name is lowercased first).
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'l',
  '|': 'l',
};

// Format characters (bidi controls, zero-width joiners, BOM, soft hyphen…) and combining marks.
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/gu;
const SPACE = /[\s\p{Zs}]+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SPACES = / +/g;

/**
 * The form two names share when a person would read them as the same name.
 *
 * @example nameSkeleton('Ꭺlice\u202e ') === nameSkeleton('alice') // false; nameSkeleton('Аlice') === nameSkeleton('alice') // true
 */
export function nameSkeleton(name: string): string {
  // Printable ASCII (most names): the Unicode forms leave it as it is, nothing in it is invisible
  // and its only whitespace is the space, so the folding below comes down to this (each step
  // skipped when it would change nothing).
  if (PRINTABLE_ASCII.test(name)) {
    let s = name.toLowerCase();
    if (s.includes('  ') || s.startsWith(' ') || s.endsWith(' ')) s = s.replace(SPACES, ' ').trim();
    return s.replaceAll('0', 'o').replaceAll('1', 'l').replaceAll('|', 'l'); // CONFUSABLE's ASCII letters
  }
  const folded = name.normalize('NFKD').replace(INVISIBLE, '').toLowerCase().replace(SPACE, ' ').trim();
  let out = '';
  for (const ch of folded) out += CONFUSABLE[ch] ?? ch;
  return out.normalize('NFKC');
}

/** Apps' listed items by the skeleton of their name, built once per plan. */
export interface LookalikeIndex {
  /** The skeleton of `name` (each name folded once per plan). */
  skeleton(name: string): string;
  readonly items: ReadonlyMap<string, readonly AppsItem[]>;
}

/**
 * Indexes every item Apps lists (`apps`) by the skeleton of its name.
 *
 * @example const index = lookalikeIndex(plan.apps)
 */
export function lookalikeIndex(apps: {
  readonly accounts: readonly AppsItem[];
  readonly addresses: readonly AppsItem[];
  readonly contracts: readonly AppsItem[];
}): LookalikeIndex {
  const folded = new Map<string, string>();
  const skeleton = (name: string): string => {
    let s = folded.get(name);
    if (s === undefined) {
      s = nameSkeleton(name);
      folded.set(name, s);
    }
    return s;
  };
  const items = new Map<string, AppsItem[]>();
  for (const item of [...apps.accounts, ...apps.addresses, ...apps.contracts]) {
    if (item.name === undefined) continue;
    const s = skeleton(item.name);
    if (s === '') continue;
    const list = items.get(s);
    if (list === undefined) items.set(s, [item]);
    else list.push(item);
  }
  return { skeleton, items };
}

/**
 * The items Apps lists (`index`, from lookalikeIndex) whose name looks like `entry`'s and whose
 * address differs: a second "Bob" with another address is how a payment goes to the wrong
 * person. `refOf` describes the record under a storage key.
 *
 * @example lookalikesOf(planEntry, lookalikeIndex(plan.apps), ref)[0].facts.name // 'Bob'
 */
export function lookalikesOf<R>(
  entry: {
    readonly key: string;
    readonly facts: { readonly shown: boolean; readonly name?: string; readonly address?: string };
  },
  index: LookalikeIndex,
  refOf: (key: string) => R,
): R[] {
  const { name, address } = entry.facts;
  if (!entry.facts.shown || name === undefined) return [];
  let sources: Set<string> | undefined;
  for (const item of index.items.get(index.skeleton(name)) ?? []) {
    if (item.source === entry.key || item.address === address) continue;
    sources ??= new Set();
    sources.add(item.source);
  }
  return sources === undefined ? [] : [...sources].sort().map(refOf);
}
