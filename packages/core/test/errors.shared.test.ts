import { fcParams } from '@keyport/test-harness';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isKeyportError, KeyportError } from '../src/errors.ts';

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('KeyportError', () => {
  it('keeps its code and frozen details for every code string', () => {
    fc.assert(
      fc.property(fc.constantFrom('WRONG_PASSWORD', 'CORRUPT_DATA'), fc.string(), (code, field) => {
        const e = new KeyportError(code, 'bad field', { field });
        expect(isKeyportError(e, code)).toBe(true);
        expect(Object.isFrozen(e.details)).toBe(true);
        expect(e.details.field).toBe(field);
      }),
      fcParams(0.2),
    );
  });
});
