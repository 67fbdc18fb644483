declare module 'virtual:keyport-bookmarklet' {
  /** The bookmarklet: one minified, self-contained script (see vite.config.ts). */
  const code: string;
  export default code;
}
