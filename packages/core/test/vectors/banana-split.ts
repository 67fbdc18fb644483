// Banana Split vectors: the five official sets, from the two implementations Polkadot Vault and
// the Banana Split page run.
// - js-v0, js-v1: paritytech/banana_split tests/unit/crypto.spec.ts
//   @ c8d11ea941d53960f01324a89239704e90314087 (the page's own test vectors).
// - rust-a, rust-b, rust-c: paritytech/banana-recovery-rust src/tests.rs
//   @ 2aff1d5b0498793500dc11ae4e32fecb18bed131; there the QR codes' raw bytes are hex
//   (SCAN_A1…SCAN_C3); here they are decoded to the JSON text a phone's QR scanner shows.

export interface BananaVector {
  readonly name: string;
  readonly source: string;
  readonly shards: readonly string[];
  readonly passphrase: string;
  readonly secret: string;
  readonly required: number;
}

export const BANANA_VECTORS: readonly BananaVector[] = [
  {
    name: 'js-v0',
    source:
      'paritytech/banana_split tests/unit/crypto.spec.ts ("reconstructs the reference example of v0 serialization")',
    shards: [
      '{"t":"Very secret info","r":2,"d":"803c12929ba469d720a63fc8ca6f6ef1cc441f8f0b830ea04f8a484169ec800e4a7","n":"29abbb2c509adedb470f6d3fd3d083362b8c1a9283adf987"}',
      '{"t":"Very secret info","r":2,"d":"801b4196813bb664141169f939414fec30c7f343326d8df45e557b25b0249fd43e2","n":"29abbb2c509adedb470f6d3fd3d083362b8c1a9283adf987"}',
      '{"t":"Very secret info","r":2,"d":"80275318760b66ee5a1d7430dbf8769fda05e9e1ff7447eaa78539fbed006f0390b","n":"29abbb2c509adedb470f6d3fd3d083362b8c1a9283adf987"}',
    ],
    passphrase: 'amazing-daring-panda-horror',
    secret: 'Any questions?',
    required: 2,
  },
  {
    name: 'js-v1',
    source: 'paritytech/banana_split tests/unit/crypto.spec.ts (v1 example)',
    shards: [
      '{"v":1,"t":"Pssst","r":2,"d":"8AdI3F1Xn4CK9mXEVWLWgg2gzho5WV38E/hn1OYyRMZenL/Jm6dmrZoiji2ZlMSVEW+XN9WW1I/ilDC1yiu4oBa4=","n":"a17TDZHP2iL/sdPHgFJUP3NlAC7bDgrp"}',
      '{"v":1,"t":"Pssst","r":2,"d":"8ArluLqrT3URnL+IqsHddG9MpXqvSNt5JBLfTqSJmCg4raIFLg2XhfbnFLCTgCumI4qByThq9bBxnwLy8EgEHYiw=","n":"a17TDZHP2iL/sdPHgFJUP3NlAC7bDgrp"}',
      '{"v":1,"t":"Pssst","r":2,"d":"8A2tZOf80PWbatpM/6ML9mLrUFkOu4kpyUiY62bPA6HmkVVtQpfosdF3nuhpo6K3MfmjsJ8ROokDShDgNka/ptFI=","n":"a17TDZHP2iL/sdPHgFJUP3NlAC7bDgrp"}',
    ],
    passphrase: 'excess-torch-unfold-fix',
    secret: 'Version one is all-around better',
    required: 2,
  },
  {
    name: 'rust-a',
    source: 'paritytech/banana-recovery-rust src/tests.rs SCAN_A1..A3',
    shards: [
      '{"v":1,"t":"Alice tries BananaSplit again","r":2,"d":"8AfltRMFZBBY02k6uErb6Ntz7XU6IWygGvFIDLBGVagT/nzSePzU0NzCnquyYu67eff4gTbgEdDUBxvqYOM2UpH2lgXTLg6gX47TliIXUMf1ub2/vurltyrwiQkVNV6PQXg==","n":"o9DbpBi9r7UWJHOriuDArR4Vrc0VOo3l"}',
      '{"v":1,"t":"Alice tries BananaSplit again","r":2,"d":"8Au/aiJ+yCCxoqZxCCMn21/BcXgZKI51kUt+dJmox/rUEl44HQITzCpUAJ8Qh5cZ0+qUqpgUMviqawr8v6qxm9YTONcnffyBwBIi0gcKWowdcwo1fBpEkQv5wWiCXeO8Hjw==","n":"o9DbpBi9r7UWJHOriuDArR4Vrc0VOo3l"}',
      '{"v":1,"t":"Alice tries BananaSplit again","r":2,"d":"8Axa3zF7rDDpcc9Lt9RfyiB/KXz7/CwWxCKQcIEOmedqmZBNwnutF6vaWXNy9JBUSh2cs/27/+NQYNXdCpHjDMdMcWaLTK1imWZxwhv+oJlG5UtPEmYnoOsC1UgMqliBKwA==","n":"o9DbpBi9r7UWJHOriuDArR4Vrc0VOo3l"}',
    ],
    passphrase: 'blighted-comprised-bucktooth-disjoin',
    secret: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
    required: 2,
  },
  {
    name: 'rust-b',
    source: 'paritytech/banana-recovery-rust src/tests.rs SCAN_B1..B3 (title with quotes and backslashes)',
    shards: [
      '{"v":1,"t":"terrible\\"truth\\\\\\"escaping","r":2,"d":"8AUS7MeVXXUtomNutJZUyM5qwoCU9xHNRwT3ZxU4V4w/k+z9+2nONSuPAcP9xmt17fA==","n":"2esdxKSbCCkKKYbkcFRiDki++TG0NZbX"}',
      '{"v":1,"t":"terrible\\"truth\\\\\\"escaping","r":2,"d":"8AohrYteuupbQLatHSjdnGYOjZc1CGaOQJcY71c7l9veeBZJGw4dLlLKcxCRtH3TkUQ==","n":"2esdxKSbCCkKKYbkcFRiDki++TG0NZbX"}',
      '{"v":1,"t":"terrible\\"truth\\\\\\"escaping","r":2,"d":"8A8zQUzL55924tXDqb6JU9H9ZJpWcUhgkeWRlLkW1DlRDpAKlPyAJ3naoqG2SlxORSg==","n":"2esdxKSbCCkKKYbkcFRiDki++TG0NZbX"}',
    ],
    passphrase: 'clapping-deskbound-carving-compress',
    secret: 'it was the butler!',
    required: 2,
  },
  {
    name: 'rust-c',
    source: 'paritytech/banana-recovery-rust src/tests.rs SCAN_C1..C3 (3 of N)',
    shards: [
      '{"v":1,"t":"alice has too many friends","r":3,"d":"8Af9hRIclghyvY5poAxSZY1vdTlybZ72Hb5NIMSohbW3NDGq9GtbU/QN2Wq0pKPZuJjl4MXlzncnNxzVwCI3ghoh/7zhkEDh/7lrVTXtEqjPfBNHe+8gWZvuwaayD3WDEMg==","n":"wLJ+K1f4VeIUxJjpQsolrHdrZIdZaeqv"}',
      '{"v":1,"t":"alice has too many friends","r":3,"d":"8AoNUeIuDcGfAYq4IlNIlQ1YI6SxQbg0uiNYcQyeSldZPxmvkuMvXl2j7s3BL/PTaPZx+jClpNLI1L6kywkzooo8b635P9Aq1cv4VURkyYFKwJ+CHuAJ4q3MRQVhjx0gciw==","n":"wLJ+K1f4VeIUxJjpQsolrHdrZIdZaeqv"}',
      '{"v":1,"t":"alice has too many friends","r":3,"d":"8A3w1PAym8ntvATRht03eR9jP2yFDrY395rkrUZqUmQMfTZrGFMtr+Hj2fg52xXUVrCx/VJzplny+AIfUz6rIhmjvU03ZBT1aiM3/QreLXsdPgOgmxNDkqDf0muQvD19ICA==","n":"wLJ+K1f4VeIUxJjpQsolrHdrZIdZaeqv"}',
    ],
    passphrase: 'appetizer-deserving-accompany-cusp',
    secret: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
    required: 3,
  },
];
