// The `keyport` entry point: `node --import tsx apps/cli/src/bin.ts <command> …` in the repository
// (`pnpm keyport …` from its root), and the entry esbuild bundles into the packed dist/keyport.js.
import { createIo } from './framework/io.ts';
import { main } from './main.ts';

const io = createIo({
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stderr.columns ?? 80,
  cwd: invocationDir(),
});
// `pnpm keyport …` runs the script from the repository root; relative paths on the command
// line mean the directory pnpm was started in, which pnpm passes as INIT_CWD.
function invocationDir(): string {
  const init = process.env.INIT_CWD;
  return process.env.npm_lifecycle_event === 'keyport' && init ? init : process.cwd();
}

process.exitCode = await main(process.argv.slice(2), io);
