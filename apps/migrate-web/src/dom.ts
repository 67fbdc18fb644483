/** Tiny DOM helpers. Text always goes in through textContent, never as HTML. */

type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with string properties/attributes and children.
 * Attribute values must never hold a secret: passwords stay in `input.value` only.
 *
 * @example h('li', { class: 'ok' }, 'Alice ', h('code', {}, address))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
}

/** Looks up an element by id and checks its type; throws when the page markup is broken. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`page markup: #${id} is missing or not a ${type.name}`);
  return el;
}

/** A status message: kind picks the style and the ARIA role (errors interrupt, others wait). */
export type StatusKind = 'info' | 'ok' | 'error' | 'busy';

/**
 * Shows `text` in a status element (empty text hides it).
 *
 * @example showStatus(byId('backup-status', HTMLElement), 'ok', 'Bundle downloaded')
 */
export function showStatus(el: HTMLElement, kind: StatusKind, text: string): void {
  el.textContent = text;
  el.className = `status status-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.hidden = text === '';
}

/** Removes every child of `el`. */
export function clear(el: Element): void {
  el.replaceChildren();
}

/**
 * A name taken from a file, isolated from the text around it (`<bdi>`): a name ending in a
 * right-to-left override cannot reverse the address printed after it.
 *
 * @example h('li', {}, isolated(name), ' ', addressCode(address))
 */
export function isolated(text: string): HTMLElement {
  return h('bdi', { class: 'name' }, text);
}

/** An address (or key) taken from a file: monospace, isolated, wrapped anywhere when long. */
export function addressCode(text: string): HTMLElement {
  return h('code', { class: 'addr' }, h('bdi', {}, text));
}
