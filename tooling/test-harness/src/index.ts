export { baseRuns, fcParams, readEnv } from './runs.ts';
