// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) and LevelDB's masking of stored CRCs
// (docs/browser-profiles.md §2). A checksum, not cryptography: it tells a torn or flipped block
// from a good one.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32C of `bytes`, continuing from `crc` (0 for a fresh sum).
 *
 * @example crc32c(new TextEncoder().encode('123456789')) // 0xe3069283
 */
export function crc32c(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * LevelDB stores `mask(crc)` = rotate right by 15, plus 0xa282ead8, so that a CRC of data that
 * itself holds CRCs is not trivially zero.
 *
 * @example unmaskCrc(maskCrc(0x12345678)) // 0x12345678
 */
export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

/** The inverse of maskCrc. */
export function unmaskCrc(masked: number): number {
  const rot = (masked - 0xa282ead8) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}
