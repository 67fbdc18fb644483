/** Step 1 wiring (first load): the passphrase field and "Download localStorage bundle". */
import type { PageContext } from './context.ts';
import { byId, showStatus } from './dom.ts';
import { bundleFileName, downloadText } from './download.ts';
import { errorMessage } from './messages.ts';

/**
 * Hooks the backup form. The bundle code (and, with a passphrase, scrypt) loads on first click.
 *
 * @example wireBackup({ store: ownStore(window), doc: document, onChange })
 */
export function wireBackup(ctx: PageContext): void {
  const form = byId('backup-form', HTMLFormElement);
  const passInput = byId('backup-passphrase', HTMLInputElement);
  const button = byId('download', HTMLButtonElement);
  const status = byId('backup-status', HTMLParagraphElement);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const { store } = ctx;
      try {
        await store.refresh(); // bridge mode: the Apps tab as it is now
      } catch (e) {
        showStatus(status, 'error', `The storage could not be read. ${errorMessage(e)}`);
        return;
      }
      if (store.view().length === 0) {
        showStatus(status, 'error', 'Nothing to back up: this browser holds no entries for this origin.');
        return;
      }
      const passphrase = passInput.value;
      const now = (ctx.now ?? (() => new Date()))();
      button.disabled = true;
      showStatus(
        status,
        'busy',
        passphrase === ''
          ? 'Preparing the bundle…'
          : 'Encrypting the bundle (scrypt runs in a background worker)…',
      );
      try {
        const { makeBundle } = await import('./backup.ts');
        const made = await makeBundle(store.view(), { origin: store.origin, now, passphrase });
        const fileName = bundleFileName(store.origin, now);
        downloadText(ctx.doc, fileName, made.text);
        passInput.value = '';
        showStatus(
          status,
          'ok',
          `Downloaded ${fileName}: ${made.entries} ${made.entries === 1 ? 'entry' : 'entries'}` +
            (passphrase === '' ? ', not encrypted' : ', encrypted with your passphrase') +
            (store.bridged
              ? '.\nOn the new computer, run the bookmarklet on the Apps tab and use "Load bundle" in the window it opens.'
              : '.\nOn the new computer, open this page on the same Apps origin and use "Load bundle".'),
        );
      } catch (e) {
        showStatus(status, 'error', `The bundle could not be made. ${errorMessage(e)}`);
      } finally {
        button.disabled = false;
      }
    })();
  });
}
