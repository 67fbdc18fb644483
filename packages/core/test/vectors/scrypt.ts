// scrypt known-answer vector, N = 2^17, p = 1, r = 8, dkLen 64.
// Provenance: polkadot-js/common packages/util-crypto/src/scrypt/encode.spec.ts @ 9281daa
// (release 14.0.3); re-computed independently in docs/vectors.md §3.
export const UPSTREAM_SCRYPT = {
  passphrase: 'testing, 123',
  salt: new Uint8Array(32).map((_, i) => (i % 8) + 1),
  out: [
    225, 18, 85, 30, 46, 178, 200, 63, 147, 225, 37, 46, 88, 224, 151, 132, 48, 206, 104, 234, 120, 112, 243,
    198, 92, 52, 101, 127, 242, 22, 116, 55, 74, 29, 17, 197, 38, 191, 128, 39, 255, 119, 175, 113, 180, 252,
    171, 10, 78, 93, 226, 7, 166, 120, 99, 198, 225, 158, 107, 132, 226, 73, 129, 35,
  ],
} as const;
