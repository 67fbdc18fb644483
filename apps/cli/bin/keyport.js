#!/usr/bin/env node
// The repository's `keyport` (`pnpm keyport …`): registers tsx's loader in this process, then
// runs src/bin.ts, exactly like `node --import tsx src/bin.ts`. The packed package's `bin` is the
// bundle dist/keyport.js instead (publishConfig; docs/packaging.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
