// Pins the public surface: adding or removing an export shows up here in review.
import { describe, expect, it } from 'vitest';
import * as harness from '../src/index.ts';

describe('@keyport/test-harness exports', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(harness).sort()).toEqual(
      [
        'HOSTILE_PIECES',
        'KEY_TYPES',
        'KNOWN_GENESIS',
        'account',
        'accountMeta',
        'accountName',
        'addressBookEntry',
        'anyAddress',
        'appsStorage',
        'baseRuns',
        'collidingRecords',
        'collisionPool',
        'contractEntry',
        'extensionStorage',
        'fcParams',
        'hasLoneSurrogate',
        'PROTOTYPE_KEYS',
        'genesisHash',
        'hexBytes',
        'hostileString',
        'keylessAccount',
        'keylessJson',
        'keyringKey',
        'makeAccount',
        'otherEntry',
        'password',
        'readEnv',
        'registryHostileFailures',
        'rejectsWithCode',
        'settingsValue',
        'ss58Address',
        'ss58Prefix',
        'storedAccount',
        'throwsWithCode',
        'timestamp',
      ].sort(),
    );
  });
});
