// A TypeScript consumer of the installed tarballs (module/moduleResolution nodenext, strict):
// the types of every subpath resolve and fit together.

import { type ProfileData, readProfile } from '@keyport/browser-profile';
import { findDefaultProfiles, nodeProfileFs } from '@keyport/browser-profile/node';
import {
  COMPAT_SCRYPT,
  KeyportError,
  type KeyportErrorCode,
  type KeystoreJson,
  openKeystore,
  type ScryptBackend,
  type UnlockedAccount,
} from '@keyport/core';
import { createNodeScryptPool } from '@keyport/core/node-pool';
import { nodeScrypt } from '@keyport/core/scrypt-node';
import { createWebScryptPool } from '@keyport/core/web-pool';
import {
  type Bundle,
  dumpStorage,
  type ImportPlan,
  MemoryStorage,
  planImport,
  readImportInput,
} from '@keyport/storage-migrate';
import { classifyKey, type EntryKind } from '@keyport/storage-migrate/light';
import { type VerifyResult, verifyWithUiKeyring } from '@keyport/storage-migrate/verify';

const backend: ScryptBackend = nodeScrypt;
export async function unlock(json: KeystoreJson, password: string): Promise<UnlockedAccount> {
  const pool = createNodeScryptPool({ size: 2 });
  try {
    return await openKeystore(json, password, { scrypt: pool });
  } finally {
    await pool.close();
  }
}
export function code(e: unknown): KeyportErrorCode | undefined {
  return e instanceof KeyportError ? e.code : undefined;
}
export async function move(text: string): Promise<VerifyResult> {
  const target = new MemoryStorage();
  const plan: ImportPlan = planImport(await readImportInput(text, { scrypt: backend }), target);
  const bundle: Bundle = dumpStorage(target, { now: () => 0 });
  void plan;
  void bundle;
  return verifyWithUiKeyring(target);
}
export const n: number = COMPAT_SCRYPT.N;
export const web = createWebScryptPool;
export const kind: EntryKind = classifyKey('settings');
export async function firstProfile(): Promise<ProfileData | undefined> {
  const [profile] = await findDefaultProfiles();
  return profile ? readProfile(nodeProfileFs, profile, { salvage: true }) : undefined;
}
