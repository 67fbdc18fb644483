/**
 * The migrate page's first-load script: plain DOM, no crypto. Everything heavy (bundle code,
 * ui-keyring, scrypt workers, the bookmarklet) is loaded by dynamic import() when a step needs it.
 * This is the only module that picks the storage: this origin's localStorage, or, when the
 * bookmarklet opened the page (#keyport-bridge), the Apps tab's through the bridge; then this
 * origin's storage is never touched.
 */
import './style.css';
import { BRIDGE_HASH } from './bridge/protocol.ts';
import { DEMO_ACCOUNTS, wantsDemo } from './demo-data.ts';
import { byId, h, showStatus } from './dom.ts';
import { takeInventory } from './inventory.ts';
import { renderInventory } from './inventory-view.ts';
import { errorMessage } from './messages.ts';
import { connectBridge } from './store/bridge.ts';
import { ownStore } from './store/own.ts';
import type { PageStore } from './store/store.ts';
import { wireBackup } from './wire-backup.ts';
import { wireRestore } from './wire-restore.ts';

/** The page's URL as the bookmarklet opens it: no query, no hash. */
const pageUrl = `${window.location.origin}${window.location.pathname}`;
const steps = [byId('backup', HTMLElement), byId('restore', HTMLElement)];
const bridgeStatus = byId('bridge-status', HTMLParagraphElement);

async function runDemo(store: PageStore): Promise<void> {
  const section = byId('demo', HTMLElement);
  const status = byId('demo-status', HTMLParagraphElement);
  section.hidden = false;
  byId('demo-passwords', HTMLTableSectionElement).replaceChildren(
    ...DEMO_ACCOUNTS.map((a) =>
      h('tr', {}, h('td', {}, a.name), h('td', {}, a.type), h('td', {}, h('code', {}, a.password))),
    ),
  );
  const params = new URLSearchParams(window.location.search);
  if (params.get('demo') === 'created') {
    showStatus(
      status,
      'ok',
      'Demo data created in this browser. Download the bundle below, then load it in another browser profile (or another computer) to try the restore.',
    );
    return;
  }
  if (store.view().length !== 0) {
    showStatus(
      status,
      'info',
      'This storage is not empty, so the demo added nothing (it only fills an empty storage).',
    );
    return;
  }
  showStatus(
    status,
    'busy',
    'Creating demo accounts with @polkadot/ui-keyring… (a few seconds: each account password is stretched with scrypt)',
  );
  try {
    const { fillDemo } = await import('./demo.ts');
    await fillDemo(window.localStorage);
    // Reload so ui-keyring starts fresh for the later steps (it can be initialised only once).
    params.set('demo', 'created');
    window.location.replace(`${window.location.pathname}?${params.toString()}`);
  } catch (e) {
    showStatus(status, 'error', `The demo could not be created: ${errorMessage(e)}`);
  }
}

function wireBookmarklet(): void {
  const details = byId('bookmarklet-details', HTMLDetailsElement);
  const body = byId('bookmarklet-body', HTMLDivElement);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    import('./bookmarklet/view.ts')
      .then(({ renderBookmarklet }) => renderBookmarklet(body, pageUrl))
      .catch((e: unknown) => {
        loaded = false;
        body.replaceChildren(
          h('p', { class: 'status status-error' }, `Could not load the bookmarklet: ${errorMessage(e)}`),
        );
      });
  });
}

function start(store: PageStore): void {
  byId('origin', HTMLElement).textContent = store.origin;
  byId('via', HTMLElement).textContent = store.bridged ? ', through the bookmarklet' : '';
  if (store.bridged) byId('backup-h', HTMLElement).textContent = "1. Back up the Apps tab's storage";
  const refreshInventory = (): void =>
    renderInventory(byId('inventory', HTMLDivElement), takeInventory(store.view()), store.bridged);
  refreshInventory();
  const ctx = { store, doc: document, onChange: refreshInventory };
  store.onChange(refreshInventory);
  wireBackup(ctx);
  wireRestore(ctx);
  for (const step of steps) step.hidden = false;
}

/** Bridge mode: the steps stay hidden until the Apps tab answered the handshake. */
function startBridge(): void {
  for (const step of steps) step.hidden = true;
  byId('origin', HTMLElement).textContent = '(connecting to the tab that opened this window…)';
  const notes = byId('bridge-notes', HTMLUListElement);
  connectBridge(window, {
    onGone: (why) => {
      showStatus(
        bridgeStatus,
        'error',
        `The Apps tab is gone: ${why}. Nothing more is read or written there. Run the bookmarklet on the Apps tab again to continue.`,
      );
      for (const b of document.querySelectorAll<HTMLButtonElement>('#backup button, #restore button'))
        b.disabled = true;
      for (const i of document.querySelectorAll<HTMLInputElement>('#restore input[type="file"]'))
        i.disabled = true;
    },
    onIgnored: (origin, why) => {
      notes.hidden = false;
      notes.append(
        h('li', { class: 'warn' }, `Ignored a message from ${origin || 'an unknown origin'}: ${why}.`),
      );
      while (notes.childElementCount > 5) notes.firstElementChild?.remove();
    },
  }).then(
    (store) => {
      showStatus(
        bridgeStatus,
        'ok',
        `Connected to the tab on ${store.origin} through the bookmarklet. This window reads and writes that tab's storage; this page's own storage is not used.`,
      );
      start(store);
    },
    (e: unknown) => {
      byId('origin', HTMLElement).textContent = '(not connected)';
      showStatus(
        bridgeStatus,
        'error',
        `${errorMessage(e)} Open the Apps tab and click the keyport bookmark there; or open this page without "${BRIDGE_HASH}" to work on its own origin (${window.location.origin}).`,
      );
    },
  );
}

wireBookmarklet();
if (window.location.hash === BRIDGE_HASH) startBridge();
else {
  const store = ownStore(window);
  start(store);
  if (wantsDemo(window.location.search)) void runDemo(store);
}
