// The `keyport` entry point: `node --import tsx apps/cli/src/bin.ts <command> …` in the repository
// (`pnpm keyport …` from its root), and the entry esbuild bundles into the packed dist/keyport.js.
import { createIo, type TextSink } from './framework/io.ts';
import { main } from './main.ts';

// A reader that goes away (`keyport inspect … | head`) closes the pipe: what is left to print
// is dropped (EPIPE) and the command still finishes, so a restore never stops half way.
function pipe(stream: NodeJS.WriteStream): TextSink {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return { write: (text) => closed || stream.write(text) };
}

const io = createIo({
  stdout: pipe(process.stdout),
  stderr: pipe(process.stderr),
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
