import { h } from '../dom.ts';
export function renderBookmarklet(body: HTMLElement, _origin: string): void {
  body.replaceChildren(h('p', {}, 'pending'));
}
