/** Step 2 wiring (first load): "Load bundle" (file input and drag and drop). The rest is lazy. */
import { textFromBytes } from '@keyport/core';
import type { PageContext } from './context.ts';
import { byId, showStatus } from './dom.ts';
import { errorMessage } from './messages.ts';

/** Files larger than this are refused before reading: no bundle of localStorage gets near it. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

type Loader = (text: string, fileName: string) => Promise<void>;

/**
 * Hooks the file input and the drop zone; the first file loads the restore step (restore.ts).
 *
 * @example wireRestore({ store: ownStore(window), doc: document, onChange })
 */
export function wireRestore(ctx: PageContext): void {
  const input = byId('bundle-file', HTMLInputElement);
  const zone = byId('dropzone', HTMLDivElement);
  const status = byId('restore-status', HTMLParagraphElement);
  let loader: Promise<Loader> | undefined;

  const load = async (file: File): Promise<void> => {
    if (file.size > MAX_INPUT_BYTES) {
      showStatus(
        status,
        'error',
        `${file.name} is too large (${file.size} bytes) to be a bundle. Nothing was written.`,
      );
      return;
    }
    showStatus(status, 'busy', `Reading ${file.name}…`);
    try {
      // UTF-8, or UTF-16 after its byte-order mark: read as the CLI reads files.
      const text = textFromBytes(new Uint8Array(await file.arrayBuffer()));
      loader ??= import('./restore/flow.ts')
        .then((m) => m.createRestoreFlow(ctx))
        .catch((e: unknown) => {
          loader = undefined; // the chunk failed to load: try again on the next file
          throw e;
        });
      await (await loader)(text, file.name);
    } catch (e) {
      showStatus(status, 'error', `${file.name} could not be read. ${errorMessage(e)}`);
    }
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after an undo, say) loads it again.
    input.value = '';
    if (file) void load(file);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void load(file);
  });
}
