// The bookmarklet's entry: built by vite.config.ts into one IIFE that becomes a javascript: URL.
import { openOverlay } from './overlay.ts';

openOverlay(window);
