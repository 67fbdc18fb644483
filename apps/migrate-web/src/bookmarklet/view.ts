/** The bookmarklet section (loaded when its <details> opens): the link to drag, how, and limits. */
import code from 'virtual:keyport-bookmarklet';
import { h } from '../dom.ts';

/** The `javascript:` URL of the bookmarklet; `void 0` keeps the tab from navigating. */
export function bookmarkletHref(source: string = code): string {
  return `javascript:${encodeURIComponent(`${source};void 0`)}`;
}

/**
 * Fills `body` with the draggable link, instructions and limits.
 *
 * @example renderBookmarklet(byId('bookmarklet-body', HTMLDivElement), location.origin)
 */
export function renderBookmarklet(body: HTMLElement, origin: string): void {
  const link = h(
    'a',
    { class: 'bookmarklet-link', id: 'bookmarklet-link', href: bookmarkletHref() },
    'keyport',
  );
  // A click here would run it on this page (which the CSP blocks anyway): explain instead.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    link.focus();
    note.textContent =
      'Drag this link to your bookmarks bar; then click the bookmark while the Apps tab is open.';
  });
  const note = h('p', { class: 'hint', role: 'status' });
  body.replaceChildren(
    h(
      'p',
      {},
      'localStorage belongs to one origin, so this page (on ',
      h('code', {}, origin),
      ') cannot read the hosted Apps (for example https://polkadot.js.org/apps). The bookmarklet runs the same dump and import on the Apps tab itself, with no console.',
    ),
    h('p', {}, 'Drag this link to your bookmarks bar: ', link),
    note,
    h(
      'ol',
      {},
      h(
        'li',
        {},
        'Open Polkadot-JS Apps in a tab and click the "keyport" bookmark. A small keyport panel opens on top of Apps.',
      ),
      h(
        'li',
        {},
        'Old computer: "Download localStorage bundle" saves a plain bundle of that tab\'s storage.',
      ),
      h(
        'li',
        {},
        'New computer: "Load bundle", choose "When an entry already exists", then "Import". An undo bundle downloads before anything is written; "Undo import" puts everything back. Reload Apps afterwards.',
      ),
    ),
    h('h3', {}, 'Limits'),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        'Plain bundles only: a bookmarklet cannot carry scrypt, so it neither writes nor reads passphrase-encrypted bundles. Account keys inside a plain bundle stay encrypted with their own passwords; names, addresses and settings are readable, so keep the file private.',
      ),
      h(
        'li',
        {},
        'Keyport bundles only: for dumps, console copies, account or batch JSON, use this page on the same origin as Apps.',
      ),
      h(
        'li',
        {},
        'No password check and no ui-keyring check on the Apps tab: reload Apps and look at Accounts and Address book.',
      ),
      h(
        'li',
        {},
        "It needs a secure tab (https or localhost) for the browser's SHA-256. It loads nothing from the network, so Apps' own Content-Security-Policy does not need to allow anything; a page whose policy forbids bookmarklets will refuse to run it (today's polkadot.js.org sends no such policy).",
      ),
      h('li', {}, "Made from this page's code at build time: drag it again after you update keyport."),
    ),
  );
}
