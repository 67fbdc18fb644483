#!/usr/bin/env node
// The package `bin`: registers tsx's loader in this process, then runs src/bin.ts, exactly like
// `node --import tsx src/bin.ts` (workspace packages ship TypeScript sources).
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
