// One upstream keystore for the installed CLI to read.
// Provenance: polkadot-js/common packages/keyring/src/index.spec.ts @
// 9281daa14c2c2a41708c3489de8770a064525577 (release 14.0.3), the "version3" fixture: v3,
// scrypt (2^15, 1, 8), sr25519, a Kusama address; the public key re-computed from its secret.

/** The file text, its password and what unlocking it must give. */
export const V3_SR25519 = {
  json: '{"address":"FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH","encoded":"ILjSgYaGvq1zaCz/kx+aqfLaHBjLXz0Qsmr6RnkOVU4AgAAAAQAAAAgAAAB5R2hm5kgXyc0NQYFxvMU4zCdjB+ugs/ibEooqCvuudbaeKn3Ee47NkCqU1ecOJV+eeaVn4W4dRvIpj5kGmQOGsewR+MiQ/B0G9NFh7JXV0qcPlk2QMNW1/mbJrTO4miqL448BSkP7ZOhUV6HFUpMt3B9HwjiRLN8RORcFp0ID/Azs4Jl/xOpXNzbgQGIffWgCIKTxN9N1ku6tdlG4","encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},"meta":{"genesisHash":"0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe","name":"version3","tags":[],"whenCreated":1595277797639,"whenEdited":1595278378596}}',
  password: 'version3',
  address: 'FLiSDPCcJ6auZUGXALLj6jpahcP6adVFDBUQznPXUQ7yoqH',
  publicKey: '0x7a5469a761fce7b83f0b0b8fba53d039923fb38efe1b411262b78577a1bcdd5d',
} as const;
