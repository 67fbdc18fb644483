export { type CodedError, rejectsWithCode, throwsWithCode } from './errors.ts';
export { baseRuns, fcParams, readEnv } from './runs.ts';
