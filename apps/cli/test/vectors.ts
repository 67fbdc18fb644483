// Upstream keystore fixtures, numbered as in docs/vectors.md §1 (#1–#6).
// Provenance: polkadot-js/common packages/keyring/src/index.spec.ts @ 9281daa (release 14.0.3), the
// expected public keys re-computed independently; all encrypted with (N, p, r) = (2^15, 1, 8) or older schemes.

/** A fixture: the file text, its password and what unlocking must give. */
export interface Vector {
  name: string;
  json: string;
  password: string;
  type: string;
  /** 0x-hex public key the secret must produce. */
  publicKey: string;
  version: string;
}

/** docs/vectors.md §1 #1: v3, base64, sr25519, Kusama address; password "version3". */
export const V3_SR25519: Vector = {
  name: 'v3 sr25519 (index.spec.ts "version3")',
  json: '{"address":"FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH","encoded":"ILjSgYaGvq1zaCz/kx+aqfLaHBjLXz0Qsmr6RnkOVU4AgAAAAQAAAAgAAAB5R2hm5kgXyc0NQYFxvMU4zCdjB+ugs/ibEooqCvuudbaeKn3Ee47NkCqU1ecOJV+eeaVn4W4dRvIpj5kGmQOGsewR+MiQ/B0G9NFh7JXV0qcPlk2QMNW1/mbJrTO4miqL448BSkP7ZOhUV6HFUpMt3B9HwjiRLN8RORcFp0ID/Azs4Jl/xOpXNzbgQGIffWgCIKTxN9N1ku6tdlG4","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"version3","tags":[],"whenCreated":1595277797639,"whenEdited":1595278378596}}',
  password: 'version3',
  type: 'sr25519',
  publicKey: '0x7a5469a761fce7b83f0b0b8fba53d039923fb38efe1b411262b78577a1bcdd5d',
  version: '3',
};

/** docs/vectors.md §1 #3: v2 (no scrypt, hex), sr25519; password "versionTwo". */
export const V2_SR25519: Vector = {
  name: 'v2 sr25519 (index.spec.ts "versionTwo")',
  json: '{"address":"5CczAE5AmGrZ93MeVhha3Ywam7j9dKB7cArnH7gtrXcMFJvu","encoded":"0xee8f236e2ac3217ce689692a4afc612220dc77fddaed0482f8f95136a7c3e034cccfbc495410a6e9b2439904974ed1d207abeca536ff6985ceb78edeeb3dc343e561c184c488101af8811d1331430b4ccf0e96ef507132e5132964e8564232e7100d973c5bee7b231dd0c8ad5273f3501515a422c8d7ed9d20a73c0ed17c98ee4588e54844bb73052dcad81f7a1094613d63c162fec7446c88b1fae70e","encoding":{"content":["pkcs8","sr25519"],"type":"xsalsa20-poly1305","version":"2"},"meta":{"genesisHash":"0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e","name":"json v2","tags":[],"whenCreated":1595243159596}}',
  password: 'versionTwo',
  type: 'sr25519',
  publicKey: '0x189ebb96ba6af26fe8a6483670547462cb517ea8b2c3a3561eb78f350fd27365',
  version: '2',
};

/** docs/vectors.md §1 #4: v0 (content string, hex), ed25519 "alice"; password "testing" (found and verified independently). */
export const V0_ED25519: Vector = {
  name: 'v0 ed25519 (index.spec.ts alice)',
  json: '{"address":"5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua","encoded":"0xb4a14995d25ab609f3686e9fa45f1fb237cd833f33f00d4b12c51858ca070d96972e47d73aae5eeb0fc06f923826cf0943fdb02c2c2ee30ef52a7912663053940d1da4da66b3a3f520ae07422c1c94b2d95690fca9d1f4a997623bb2923a8833280e19e7f72c3c5cfa343974e60e2b3dc53b404fdaf330756daad5e4e3","encoding":{"content":"pkcs8","type":"xsalsa20-poly1305","version":"0"},"meta":{"isTesting":true,"name":"alice"}}',
  password: 'testing',
  type: 'ed25519',
  publicKey: '0xd172a74cda4c865912c32ba0a80a57ae69abae410e5ccb59dee84e2f4432db4f',
  version: '0',
};

/** docs/vectors.md §1 #5: v3 ecdsa; password "testing"; the address field is the compressed public key. */
export const V3_ECDSA: Vector = {
  name: 'v3 ecdsa (index.spec.ts "testing")',
  json: '{"address":"0x02fde629668eb2bcc7d748f40a7e597f7c7b363498ff3db31f03ce4854937883ad","encoded":"qIhAhKqtf2iyEoWEr8nmBdksSI8EHHCpgJHToqd6Pl8AgAAAAQAAAAgAAADDZ//fj/BRRj+0+bl1KAlYgoPJp6nEUwiw0fVqO2BW4mjEgQ+iWwJEgDf1JUtecbzOlfhTXBzqX/dIYzLgUADrF4EFEPpboCWiU1iN7W/3DM1cOTRVvTGcbdIqW//z3axhz961qzeJVUIFgllwGe/euLUPIlKbIkiN/CsRYdQ=","encoding":{"content":["pkcs8","ecdsa"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"ecdsa","tags":[],"whenCreated":1600925898271}}',
  password: 'testing',
  type: 'ecdsa',
  publicKey: '0x02fde629668eb2bcc7d748f40a7e597f7c7b363498ff3db31f03ce4854937883ad',
  version: '3',
};

/** docs/vectors.md §1 #6: v3 ethereum; password "password"; address field is the SS58 of the 33-byte key. */
export const V3_ETHEREUM: Vector = {
  name: 'v3 ethereum (index.spec.ts "password")',
  json: '{"address":"KWCv1L3QX9LDPwY4VzvLmarEmXjVJidUzZcinvVnmxAJJCBou","encoded":"U8qFEaghhmNV2PgFhjqzmhyUy37Ok7abfFU2MNsBd0sAgAAAAQAAAAgAAAA3+NniKogzNphiMNueB1X0sGA07B6CaXWfpXPx45iSXoTTprwzU5mOoSqUWO0GKHROI72LN+uJ8Yfv6Ll6JOOV3VPKfoVoFmYm+zDrrMPa0gk5E5kUuSijxADcE6zUrliPVr0Ix/qaghu5SJ7RtWDQLBf4Hp86SJ8Gg6gTSSk=","encoding":{"content":["pkcs8","ethereum"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{}}',
  password: 'password',
  type: 'ethereum',
  publicKey: '0x03b9dc646dd71118e5f7fda681ad9eca36eb3ee96f344f582fbe7b5bcdebb13077',
  version: '3',
};

/** Every fixture above. */
export const VECTORS: readonly Vector[] = [V3_SR25519, V2_SR25519, V0_ED25519, V3_ECDSA, V3_ETHEREUM];

/**
 * docs/vectors.md §2 (polkadot-js/common packages/keyring/src/suri.spec.ts): the dev phrase and the
 * sr25519 addresses it derives at ss58 42.
 */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
export const DEV_SR25519 = {
  publicKey: '0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
  address: '5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV',
};
export const DEV_ALICE_SR25519 = {
  path: '//Alice',
  publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
  address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  polkadot: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
};
/** docs/vectors.md §2, ethereum: DEV + /m/44'/60'/0'/0/0. */
export const DEV_ETHEREUM = {
  path: "/m/44'/60'/0'/0/0",
  publicKey: '0x02509540919faacf9ab52146c9aa40db68172d83777250b28e4679176e49ccdd9f',
  address: '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac',
};
