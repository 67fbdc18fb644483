// Must NOT type-check: proves the consumer check reads real types (not `any`).
import { COMPAT_SCRYPT, openKeystore } from '@keyport/core';
import { MemoryStorage } from '@keyport/storage-migrate';

export const n: string = COMPAT_SCRYPT.N;
export const p: Promise<number> = openKeystore('{}', 'pw');
export const s: number = new MemoryStorage().length.toFixed();
