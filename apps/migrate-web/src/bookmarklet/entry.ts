// The bookmarklet's entry: built by vite.config.ts into one IIFE whose value is this function;
// view.ts wraps it into a javascript: URL that calls it with the page's own URL.
import { lend } from './tab.ts';

/** Runs the bookmarklet on the current tab for the keyport page at `pageUrl`. */
export default function run(pageUrl: string): void {
  lend(window, pageUrl);
}
