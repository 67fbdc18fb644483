/**
 * The bookmarklet's panel on the Apps tab: a shadow-DOM overlay (so Apps' styles and ours never
 * mix) with the same two halves as the page, for PLAIN bundles: "Download localStorage bundle"
 * and "Load bundle" → plan → "Import" → "Download undo bundle" / "Undo import".
 */
import { bundleFileName, downloadText } from '../download.ts';
import { errorMessage } from '../messages.ts';
import { bundleText, type LiteBundle, parseBundle, readEntries, summarize } from './bundle-lite.ts';
import {
  type LitePlan,
  type LitePolicy,
  type PreparedImport,
  planLite,
  prepareImport,
  revert,
  writeAll,
} from './plan-lite.ts';

/** The id of the overlay's host element (running the bookmarklet again replaces it). */
export const OVERLAY_ID = 'keyport-bookmarklet';

const CSS = `:host{all:initial;position:fixed;z-index:2147483647;top:12px;right:12px;width:min(30rem,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto;font:15px/1.45 system-ui,sans-serif;color:#1d1d1f;background:#fff;border:2px solid #b8005c;border-radius:10px;box-shadow:0 6px 30px #0005}
div.p{padding:12px 16px}h2{margin:0 0 4px;font-size:18px;color:#b8005c}code{font:13px ui-monospace,monospace;overflow-wrap:anywhere}
button{font:inherit;padding:6px 12px;margin:4px 6px 4px 0;border-radius:6px;border:1px solid #b8005c;background:#b8005c;color:#fff;cursor:pointer}button.s{background:#fff;color:#b8005c}button:disabled{opacity:.5}
button:focus-visible,input:focus-visible{outline:3px solid #b8005c;outline-offset:2px}label{font-weight:600;display:block;margin-top:8px}label.c{font-weight:400}
fieldset{border:1px solid #ccc;border-radius:6px;margin:8px 0}p{margin:6px 0}.e{color:#a1001f;font-weight:600;white-space:pre-line}.ok{color:#0a6b2f}.m{color:#555;font-size:13px}ul{margin:4px 0;padding-left:20px}
.x{position:absolute;top:6px;right:6px}`;

type Child = Node | string;
function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function describePlan(doc: Document, plan: LitePlan): HTMLElement {
  const names = (list: readonly { key: string }[]) => list.map((e) => e.key).join(', ');
  const box = make(
    doc,
    'div',
    {},
    make(
      doc,
      'p',
      {},
      `${plan.fresh.length} new, ${plan.identical.length} identical, ${plan.conflicts.length} already here with different content.`,
    ),
  );
  if (plan.conflicts.length > 0)
    box.append(make(doc, 'p', { class: 'm' }, `Different here: ${names(plan.conflicts)}`));
  if (plan.guarded.length > 0) {
    box.append(
      make(
        doc,
        'p',
        { class: 'm' },
        `Always kept (the bundle's copy has no key but yours does): ${names(plan.guarded)}`,
      ),
    );
  }
  box.append(
    make(
      doc,
      'p',
      {},
      `Import will write ${plan.writes.length} ${plan.writes.length === 1 ? 'entry' : 'entries'}.`,
    ),
  );
  return box;
}

/**
 * Opens (or re-opens) the panel on `win`'s document.
 *
 * @example openOverlay(window) // what the bookmarklet runs
 */
export function openOverlay(win: Window): void {
  const doc = win.document;
  doc.getElementById(OVERLAY_ID)?.remove();
  const storage = win.localStorage;
  const origin = win.location.origin;
  const subtle = win.crypto?.subtle;
  const host = make(doc, 'div', { id: OVERLAY_ID, role: 'dialog', 'aria-label': 'keyport' });
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    console.warn('keyport bookmarklet: no styles', e instanceof Error ? e.name : 'error');
  }
  const panel = make(doc, 'div', { class: 'p' });
  root.append(panel);
  const status = make(doc, 'p', { role: 'status' });
  const say = (text: string, error = false): void => {
    status.textContent = text;
    status.className = error ? 'e' : 'ok';
    status.setAttribute('role', error ? 'alert' : 'status');
  };
  const close = make(doc, 'button', { class: 's x', type: 'button' }, 'Close');
  close.addEventListener('click', () => host.remove());
  host.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') host.remove();
  });
  const countLine = make(doc, 'p', {});
  const refreshCounts = (): void => {
    const s = summarize(readEntries(storage));
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    countLine.textContent =
      `This tab holds ${n(s.accounts, 'account', 'accounts')}, ${n(s.addresses, 'address-book entry', 'address-book entries')}, ` +
      `${n(s.contracts, 'contract', 'contracts')}, ${n(s.settings, 'settings entry', 'settings entries')} and ${n(s.other, 'other entry', 'other entries')}.`;
  };
  refreshCounts();

  const dump = make(doc, 'button', { type: 'button' }, 'Download localStorage bundle');
  const fileInput = make(doc, 'input', { id: 'kp-file', type: 'file', accept: '.json,application/json' });
  const planBox = make(doc, 'div', {});
  const keep = make(doc, 'input', { type: 'radio', name: 'kp-policy', value: 'keep' });
  keep.checked = true;
  const replace = make(doc, 'input', { type: 'radio', name: 'kp-policy', value: 'replace' });
  const importButton = make(doc, 'button', { type: 'button' }, 'Import');
  importButton.disabled = true;
  const resultBox = make(doc, 'div', {});

  panel.append(
    close,
    make(doc, 'h2', {}, 'keyport'),
    make(doc, 'p', {}, 'Working on origin ', make(doc, 'code', {}, origin)),
    countLine,
    dump,
    make(
      doc,
      'p',
      { class: 'm' },
      'A plain bundle: account keys stay encrypted with their own passwords; names and settings are readable.',
    ),
    make(doc, 'label', { for: 'kp-file' }, 'Load bundle'),
    fileInput,
    make(
      doc,
      'p',
      { class: 'm' },
      'Plain keyport bundles only. For encrypted bundles and other files, use the keyport page.',
    ),
    planBox,
    make(
      doc,
      'fieldset',
      {},
      make(doc, 'legend', {}, 'When an entry already exists'),
      make(doc, 'label', { class: 'c' }, keep, ' Keep the existing entry (default)'),
      make(doc, 'label', { class: 'c' }, replace, " Replace it with the bundle's entry"),
    ),
    importButton,
    resultBox,
    status,
  );
  doc.body.append(host);
  dump.focus();

  if (!subtle) {
    say(
      'This tab is not a secure context (https or localhost), so the browser offers no SHA-256 for the bundle checksum. Serve the keyport page beside this Apps instead.',
      true,
    );
    dump.disabled = true;
    fileInput.disabled = true;
    return;
  }
  const now = () => new Date();
  let bundle: LiteBundle | undefined;
  let plan: LitePlan | undefined;
  const policy = (): LitePolicy => (replace.checked ? 'replace' : 'keep');
  const replan = (): void => {
    if (!bundle) return;
    plan = planLite(bundle, storage, policy());
    planBox.replaceChildren(describePlan(doc, plan));
    importButton.disabled = plan.writes.length === 0;
  };
  keep.addEventListener('change', replan);
  replace.addEventListener('change', replan);

  dump.addEventListener('click', () => {
    void (async () => {
      try {
        const at = now();
        const entries = readEntries(storage);
        const text = await bundleText(
          { origin, createdAt: at.toISOString(), summary: summarize(entries), entries },
          subtle,
        );
        const name = bundleFileName(origin, at);
        downloadText(doc, name, text);
        say(`Downloaded ${name} (${entries.length} entries).`);
      } catch (e) {
        say(`The bundle could not be made. ${errorMessage(e)}`, true);
      }
    })();
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void (async () => {
      bundle = undefined;
      plan = undefined;
      planBox.replaceChildren();
      resultBox.replaceChildren();
      importButton.disabled = true;
      try {
        bundle = await parseBundle(await file.text(), subtle);
        replan();
        say(
          `${file.name}: a bundle of ${bundle.entries.length} entries from ${bundle.origin ?? 'an unknown origin'}.`,
        );
      } catch (e) {
        say(`${file.name} cannot be imported here. ${errorMessage(e)}`, true);
      }
    })();
  });

  importButton.addEventListener('click', () => {
    if (!bundle) return;
    void (async () => {
      importButton.disabled = true;
      try {
        plan = planLite(bundle as LiteBundle, storage, policy());
        const at = now();
        const prepared: PreparedImport = await prepareImport(plan, storage, subtle, {
          origin,
          createdAt: at.toISOString(),
        });
        const undoName = bundleFileName(origin, at, '-undo');
        downloadText(doc, undoName, prepared.undoText);
        const n = writeAll(prepared, storage);
        refreshCounts();
        const undoDownload = make(doc, 'button', { type: 'button', class: 's' }, 'Download undo bundle');
        undoDownload.addEventListener('click', () => downloadText(doc, undoName, prepared.undoText));
        const undo = make(doc, 'button', { type: 'button', class: 's' }, 'Undo import');
        undo.addEventListener('click', () => {
          revert(prepared, storage);
          refreshCounts();
          undo.disabled = true;
          say('Undone: this tab holds exactly what it held before the import.');
        });
        const reload = make(doc, 'button', { type: 'button' }, 'Reload Apps');
        reload.addEventListener('click', () => win.location.reload());
        resultBox.replaceChildren(
          make(doc, 'p', { class: 'ok' }, `Imported ${n} entries.`),
          undoDownload,
          undo,
          reload,
        );
        say(
          `Imported ${n} entries. The undo bundle ${undoName} was downloaded first. Reload Apps to see the accounts.`,
        );
      } catch (e) {
        say(`Nothing was imported. ${errorMessage(e)}`, true);
        importButton.disabled = false;
      }
    })();
  });
}
