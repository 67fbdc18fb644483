// Types for scryptsy (the Banana Split page's scrypt), used by tests to make shards as the page does.
declare module 'scryptsy' {
  export default function scryptsy(
    key: Uint8Array,
    salt: Uint8Array,
    N: number,
    r: number,
    p: number,
    length: number,
  ): Uint8Array;
}
