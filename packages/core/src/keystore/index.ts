// Single-account keystores (`KeyringPair$Json`): parse, describe, open, create, re-encrypt.
export {
  type CreateKeystoreOptions,
  changeKeystorePassword,
  createKeystore,
  type KeystoreSource,
} from './create.ts';
export { describeKeystore, type KeystoreInfo } from './describe.ts';
export { type AddressBytes, decodeAddressField, decodeEncoded } from './fields.ts';
export {
  isJsonObject,
  type JsonInputLimits,
  type JsonObject,
  type JsonValue,
  readJsonInput,
} from './json-input.ts';
export { type OpenKeystoreOptions, openKeystore } from './open.ts';
export { type KeyPair, pairFromSecret } from './pair.ts';
export {
  checkKeystore,
  checkProtection,
  MAX_KEYSTORE_LENGTH,
  type Protection,
  parseKeystore,
  protectionOf,
  recordedKeyType,
} from './parse.ts';
export {
  decodePkcs8,
  encodePkcs8,
  isKeylessPkcs8,
  PKCS8_DIVIDER,
  PKCS8_HEADER,
  type Pkcs8Keys,
} from './pkcs8.ts';
export {
  type EncryptionKind,
  KEY_TYPES,
  type KeystoreEncoding,
  type KeystoreJson,
  type KeystoreMeta,
  type KeystoreV3Json,
  type KeystoreVersion,
  type KeyType,
} from './types.ts';
