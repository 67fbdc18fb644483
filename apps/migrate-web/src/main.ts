/**
 * The migrate page's first-load script: plain DOM, no crypto. Everything heavy (bundle code,
 * ui-keyring, scrypt workers, the bookmarklet) is loaded by dynamic import() when a step needs it.
 * This is the only module that reads window.localStorage and location; it passes them down.
 */
import './style.css';
import { DEMO_ACCOUNTS, wantsDemo } from './demo-data.ts';
import { byId, h, showStatus } from './dom.ts';
import { takeInventory } from './inventory.ts';
import { renderInventory } from './inventory-view.ts';
import { errorMessage } from './messages.ts';
import { wireBackup } from './wire-backup.ts';
import { wireRestore } from './wire-restore.ts';

const storage = window.localStorage;
const origin = window.location.origin;

function refreshInventory(): void {
  renderInventory(byId('inventory', HTMLDivElement), takeInventory(storage));
}

async function runDemo(): Promise<void> {
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
  if (storage.length !== 0) {
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
    await fillDemo(storage);
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
      .then(({ renderBookmarklet }) => renderBookmarklet(body, origin))
      .catch((e: unknown) => {
        loaded = false;
        body.replaceChildren(
          h('p', { class: 'status status-error' }, `Could not load the bookmarklet: ${errorMessage(e)}`),
        );
      });
  });
}

byId('origin', HTMLElement).textContent = origin;
refreshInventory();
wireBackup({ storage, origin, doc: document, onChange: refreshInventory });
wireRestore({ storage, origin, doc: document, onChange: refreshInventory });
wireBookmarklet();
if (wantsDemo(window.location.search)) void runDemo();
