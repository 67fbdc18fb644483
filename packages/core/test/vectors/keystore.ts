// Upstream keystore fixtures, copied byte for byte (docs/vectors.md §1).
// Provenance: polkadot-js/common packages/keyring/src/index.spec.ts and
// packages/keyring/src/pair/toJson.spec.ts @ 9281daa14c2c2a41708c3489de8770a064525577
// (release 14.0.3); paritytech/subxt signer/src/polkadot_js_compat.rs (test `check_alice`).
import type { KeyType } from '../../src/keystore/types.ts';

export interface KeystoreVector {
  readonly name: string;
  readonly source: string;
  readonly json: string;
  readonly password: string;
  /** The key type to assume for files that record none. */
  readonly defaultType?: KeyType;
  readonly type: KeyType;
  /** Expected public key, hex. */
  readonly publicKey: string;
  /** Expected address as keyport returns it (UnlockedAccount.address). */
  readonly address: string;
  /** For ethereum: the H160 the upstream test expects. */
  readonly version: string;
  readonly scrypt?: { N: number; p: number; r: number };
}

const COMMON = 'polkadot-js/common packages/keyring/src/index.spec.ts @ 9281daa';

export const KEYSTORE_VECTORS: readonly KeystoreVector[] = [
  {
    name: 'v3 base64 sr25519 at ss58 2 ("version3")',
    source: COMMON,
    json: '{"address":"FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH","encoded":"ILjSgYaGvq1zaCz/kx+aqfLaHBjLXz0Qsmr6RnkOVU4AgAAAAQAAAAgAAAB5R2hm5kgXyc0NQYFxvMU4zCdjB+ugs/ibEooqCvuudbaeKn3Ee47NkCqU1ecOJV+eeaVn4W4dRvIpj5kGmQOGsewR+MiQ/B0G9NFh7JXV0qcPlk2QMNW1/mbJrTO4miqL448BSkP7ZOhUV6HFUpMt3B9HwjiRLN8RORcFp0ID/Azs4Jl/xOpXNzbgQGIffWgCIKTxN9N1ku6tdlG4","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"version3","tags":[],"whenCreated":1595277797639,"whenEdited":1595278378596}}',
    password: 'version3',
    type: 'sr25519',
    publicKey: '0x7a5469a761fce7b83f0b0b8fba53d039923fb38efe1b411262b78577a1bcdd5d',
    address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v3 hex-encoded sr25519 at ss58 2 ("version3")',
    source: COMMON,
    json: '{"address":"FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH","encoded":"0xcd238963070cc4d6806053ee1ac500c7add9c28732bb5d434a332f84a91d9be0008000000100000008000000cf630a1113941b350ddd06697e50399183162e5e9a0e893eafc7f5f4893a223dca5055706b9925b56fdb4304192143843da718e11717daf89cf4f4781f94fb443f61432f782d54280af9eec90bd3069c3cc2d957a42b7c18dc2e9497f623735518e0e49b58f8e4db2c09da3a45dbb935659d015fc94b946cba75b606a6ff7f4e823f6b049e2e6892026b49de02d6dbbd64646fe0933f537d9ea53a70be","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"version3","tags":[],"whenCreated":1595277797639}}',
    password: 'version3',
    type: 'sr25519',
    publicKey: '0x7a5469a761fce7b83f0b0b8fba53d039923fb38efe1b411262b78577a1bcdd5d',
    address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v2 hex sr25519, no KDF ("versionTwo")',
    source: COMMON,
    json: '{"address":"5CczAE5AmGrZ93MeVhha3Ywam7j9dKB7cArnH7gtrXcMFJvu","encoded":"0xee8f236e2ac3217ce689692a4afc612220dc77fddaed0482f8f95136a7c3e034cccfbc495410a6e9b2439904974ed1d207abeca536ff6985ceb78edeeb3dc343e561c184c488101af8811d1331430b4ccf0e96ef507132e5132964e8564232e7100d973c5bee7b231dd0c8ad5273f3501515a422c8d7ed9d20a73c0ed17c98ee4588e54844bb73052dcad81f7a1094613d63c162fec7446c88b1fae70e","encoding":{"content":["pkcs8","sr25519"],"type":"xsalsa20-poly1305","version":"2"},"meta":{"genesisHash":"0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e","name":"json v2","tags":[],"whenCreated":1595243159596}}',
    password: 'versionTwo',
    type: 'sr25519',
    publicKey: '0x189ebb96ba6af26fe8a6483670547462cb517ea8b2c3a3561eb78f350fd27365',
    address: '5CczAE5AmGrZ93MeVhha3Ywam7j9dKB7cArnH7gtrXcMFJvu',
    version: '2',
  },
  {
    name: 'v0 hex ed25519 "alice", 32-byte seed, no key type ("testing")',
    source: COMMON,
    json: '{"address":"5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua","encoded":"0xb4a14995d25ab609f3686e9fa45f1fb237cd833f33f00d4b12c51858ca070d96972e47d73aae5eeb0fc06f923826cf0943fdb02c2c2ee30ef52a7912663053940d1da4da66b3a3f520ae07422c1c94b2d95690fca9d1f4a997623bb2923a8833280e19e7f72c3c5cfa343974e60e2b3dc53b404fdaf330756daad5e4e3","encoding":{"content":"pkcs8","type":"xsalsa20-poly1305","version":"0"},"meta":{"isTesting":true,"name":"alice"}}',
    password: 'testing',
    defaultType: 'ed25519',
    type: 'ed25519',
    publicKey: '0xd172a74cda4c865912c32ba0a80a57ae69abae410e5ccb59dee84e2f4432db4f',
    address: '5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua',
    version: '0',
  },
  {
    name: 'v3 ecdsa, hex compressed key as address ("testing")',
    source: COMMON,
    json: '{"address":"0x02fde629668eb2bcc7d748f40a7e597f7c7b363498ff3db31f03ce4854937883ad","encoded":"qIhAhKqtf2iyEoWEr8nmBdksSI8EHHCpgJHToqd6Pl8AgAAAAQAAAAgAAADDZ//fj/BRRj+0+bl1KAlYgoPJp6nEUwiw0fVqO2BW4mjEgQ+iWwJEgDf1JUtecbzOlfhTXBzqX/dIYzLgUADrF4EFEPpboCWiU1iN7W/3DM1cOTRVvTGcbdIqW//z3axhz961qzeJVUIFgllwGe/euLUPIlKbIkiN/CsRYdQ=","encoding":{"content":["pkcs8","ecdsa"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"ecdsa","tags":[],"whenCreated":1600925898271}}',
    password: 'testing',
    type: 'ecdsa',
    publicKey: '0x02fde629668eb2bcc7d748f40a7e597f7c7b363498ff3db31f03ce4854937883ad',
    // The upstream test loads it with ss58Format 2; a hex address carries no prefix, so we pass 2.
    address: 'DHL8HKFuTTR55JzzLmkJRCAfPBbuevKaT9cXikxbEV97Ko8',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v3 ethereum, SS58 of the 33-byte key as address ("password")',
    source: COMMON,
    json: '{"address":"KWCv1L3QX9LDPwY4VzvLmarEmXjVJidUzZcinvVnmxAJJCBou","encoded":"U8qFEaghhmNV2PgFhjqzmhyUy37Ok7abfFU2MNsBd0sAgAAAAQAAAAgAAAA3+NniKogzNphiMNueB1X0sGA07B6CaXWfpXPx45iSXoTTprwzU5mOoSqUWO0GKHROI72LN+uJ8Yfv6Ll6JOOV3VPKfoVoFmYm+zDrrMPa0gk5E5kUuSijxADcE6zUrliPVr0Ix/qaghu5SJ7RtWDQLBf4Hp86SJ8Gg6gTSSk=","encoding":{"content":["pkcs8","ethereum"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{}}',
    password: 'password',
    type: 'ethereum',
    publicKey: '0x03b9dc646dd71118e5f7fda681ad9eca36eb3ee96f344f582fbe7b5bcdebb13077',
    address: '0x4119b2e6c3Cb618F4f0B93ac77f9BeeC7FF02887',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v3 sr25519 at ss58 44 ("1")',
    source: COMMON,
    json: '{"address":"5PjeoaQzCoYbSi42aQRKB3Sx18StCaEAzCbGEEbWbZyfKS3H","encoded":"JQUl8ZpoXv2OMkL9TPylLmcIye2cYhaS9INICbFgZTsAgAAAAQAAAAgAAAAr/0hJOOzokIdBG71TstigLABX9D5xGD7L37ySxtjDrVRg26LL90jLQ47quT9o3bq6ppXMVL6USk7Q4p3WU66bojTFuCDyhpYRhNbUqU6s0rD3S4bhv9lG+pG9vQ4eD5PVQUvxdANmJpYuDg45nrTmsMC5AHGdFGkHW/LHnkmbFid1cvPYkdiBoef5CIEdoly512pxMupVxnJWF1NT","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"name":"hello"}}',
    password: '1',
    type: 'sr25519',
    publicKey: '0x044adc4365288575acaaa1544e983b7e24255ad298fa0d09df8f4e96c458a923',
    address: '5PjeoaQzCoYbSi42aQRKB3Sx18StCaEAzCbGEEbWbZyfKS3H',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v3 sr25519 Alice from subxt ("whoisalice")',
    source: 'paritytech/subxt signer/src/polkadot_js_compat.rs',
    json: '{"encoded":"DumgApKCTqoCty1OZW/8WS+sgo6RdpHhCwAkA2IoDBMAgAAAAQAAAAgAAAB6IG/q24EeVf0JqWqcBd5m2tKq5BlyY84IQ8oamLn9DZe9Ouhgunr7i36J1XxUnTI801axqL/ym1gil0U8440Qvj0lFVKwGuxq38zuifgoj0B3Yru0CI6QKEvQPU5xxj4MpyxdSxP+2PnTzYao0HDH0fulaGvlAYXfqtU89xrx2/z9z7IjSwS3oDFPXRQ9kAdDebtyCVreZ9Otw9v3","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"address":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","meta":{"genesisHash":"","name":"Alice","whenCreated":1718265838755}}',
    password: 'whoisalice',
    type: 'sr25519',
    publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    version: '3',
    scrypt: { N: 32768, p: 1, r: 8 },
  },
  {
    name: 'v3 unencrypted ed25519 "alice" (type none)',
    source: 'polkadot-js/common packages/keyring/src/pair/toJson.spec.ts @ 9281daa',
    json: '{"encoded":"MFMCAQEwBQYDK2VwBCIEIEFsaWNlICAgICAgICAgICAgICAgICAgICAgICAgICAg0XKnTNpMhlkSwyugqApXrmmrrkEOXMtZ3uhOL0Qy20+hIwMhANFyp0zaTIZZEsMroKgKV65pq65BDlzLWd7oTi9EMttP","encoding":{"content":["pkcs8","ed25519"],"type":["none"],"version":"3"},"address":"5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua","meta":{"isTesting":true,"name":"alice"}}',
    password: '',
    type: 'ed25519',
    publicKey: '0xd172a74cda4c865912c32ba0a80a57ae69abae410e5ccb59dee84e2f4432db4f',
    address: '5GoKvZWG5ZPYL1WUovuHW3zJBWBP5eT8CbqjdRY4Q6iMaQua',
    version: '3',
  },
];
