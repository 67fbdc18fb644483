/**
 * The bookmarklet's only mark on the Apps tab: a small status chip in a shadow root (Apps'
 * styles and ours never mix), with a button when the person must click (a blocked popup).
 */

/** The id of the chip's host element: running the bookmarklet again replaces the chip. */
export const CHIP_ID = 'keyport-bridge-chip';

const REPLACED = 'keyport-replaced';

const CSS =
  ':host{all:initial;position:fixed;z-index:2147483647;right:12px;bottom:12px;max-width:calc(100vw - 24px);font:14px/1.4 system-ui,sans-serif;color:#fff;background:#b8005c;border-radius:8px;padding:6px 10px;box-shadow:0 4px 18px #0004}' +
  'button{font:inherit;margin-left:8px;padding:2px 8px;border-radius:5px;border:1px solid #fff;background:#fff;color:#b8005c;cursor:pointer}' +
  ':host(.off){background:#555}';

/** The chip: `say` sets its text (and an optional action button); `connected` says whether it is on the page. */
export interface Chip {
  say(text: string, action?: { readonly label: string; readonly run: () => void }, off?: boolean): void;
  readonly connected: () => boolean;
  /** Calls `listener` when a later run of the bookmarklet is about to replace this chip. */
  readonly onReplaced: (listener: () => void) => void;
}

/**
 * Shows the chip on `doc` (replacing one from an earlier run).
 *
 * @example showChip(document).say('keyport window connected')
 */
export function showChip(doc: Document): Chip {
  const old = doc.getElementById(CHIP_ID);
  old?.dispatchEvent(new Event(REPLACED)); // the earlier run says goodbye to its window
  old?.remove();
  const host = doc.createElement('div');
  host.id = CHIP_ID;
  host.setAttribute('role', 'status');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const text = doc.createElement('span');
  root.append(style, text);
  doc.body.append(host);
  return {
    say(message, action, off = false) {
      text.textContent = `keyport: ${message}`;
      host.className = off ? 'off' : '';
      root.querySelector('button')?.remove();
      if (action) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = action.label;
        button.addEventListener('click', action.run);
        root.append(button);
      }
    },
    connected: () => host.isConnected,
    onReplaced: (listener) => host.addEventListener(REPLACED, listener),
  };
}
