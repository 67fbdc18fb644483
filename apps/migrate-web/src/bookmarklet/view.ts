/** The bookmarklet section (loaded when its <details> opens): the link to drag, how, and limits. */
import code from 'virtual:keyport-bookmarklet';
import { h } from '../dom.ts';
import { bookmarkletHref } from './href.ts';

const li = (text: string): HTMLLIElement => h('li', {}, text);

/**
 * Fills `body` with the draggable link (made for `pageUrl`), instructions and limits.
 *
 * @example renderBookmarklet(byId('bookmarklet-body', HTMLDivElement), location.origin + location.pathname)
 */
export function renderBookmarklet(body: HTMLElement, pageUrl: string): void {
  const link = h(
    'a',
    { class: 'bookmarklet-link', id: 'bookmarklet-link', href: bookmarkletHref(pageUrl, code) },
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
      'localStorage belongs to one origin, so this page (',
      h('code', {}, pageUrl),
      ") cannot read the hosted Apps (for example https://polkadot.js.org/apps) by itself. The bookmarklet lends it the Apps tab's storage: clicked on the Apps tab, it opens this page in a new window, and that window then works on the Apps tab's storage with every feature it has here (plain and encrypted bundles, every file it reads, the plan, password checks, the ui-keyring check and Undo import).",
    ),
    h('p', {}, 'Drag this link to your bookmarks bar: ', link),
    note,
    h(
      'ol',
      {},
      li(
        'Open Polkadot-JS Apps in a tab and click the "keyport" bookmark. A keyport window opens; it says "Working on origin https://polkadot.js.org, through the bookmarklet", and a small "keyport window connected" chip appears on the Apps tab.',
      ),
      li(
        'Old computer: "Download localStorage bundle" in that window saves the Apps tab\'s storage (with a passphrase, encrypted).',
      ),
      li(
        'New computer: the same bookmark on the Apps tab, then "Load bundle", read the plan, choose "When an entry already exists", "Import". "Download undo bundle" and "Undo import" work as on any origin. Reload Apps afterwards.',
      ),
    ),
    h('h3', {}, 'Limits'),
    h(
      'ul',
      {},
      li(
        "The bookmarklet talks only to the keyport window it opened, and only to this page's origin; the window talks only to the tab that opened it and shows that tab's origin as the browser reports it. Passphrases and passwords stay in the keyport window: they never reach the Apps tab.",
      ),
      li(
        'A popup blocker may stop the window: the chip on the Apps tab then says so and offers an "Open keyport" button; click it (or allow popups for the Apps site).',
      ),
      li(
        'When this page runs on your own computer (http://127.0.0.1) and Apps comes from the internet (https), Chromium-based browsers may ask on the Apps tab whether the site may "look for and connect to any device on your local network". Click Allow; or, if you blocked it or the keyport window stays blank, serve this page over https from any static host.',
      ),
      li(
        "A site whose own Content-Security-Policy forbids bookmarklets refuses to run it; today's polkadot.js.org/apps sends no such policy. Then serve this page on the same origin as that Apps instead.",
      ),
      li("Run on a tab that is not Apps, it works on that tab's origin and says what it found there."),
      li(
        'It opens the page at the address it was dragged from: drag it again if you move or update the page.',
      ),
    ),
  );
}
