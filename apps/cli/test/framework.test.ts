// The command-line frame: help, usage errors (exit 2), password files, atomic no-clobber writes
// and the snapshot file format. Child-process runs use the real entry point.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { stripOneNewline, writeFileAtomic } from '../src/framework/files.ts';
import { createIo } from '../src/framework/io.ts';
import { progressBar } from '../src/framework/progress.ts';
import { scryptConcurrency } from '../src/framework/scrypt.ts';
import { loadSnapshot, parseSnapshot, serializeSnapshot } from '../src/snapshot.ts';
import { runCli, scratch } from './run-cli.ts';

const tmp = scratch();
afterAll(() => tmp.cleanup());

describe('keyport help and usage', () => {
  it('--help lists every command and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['inspect', 'unlock', 'derive', 'convert', 'dump', 'restore', 'undo']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: keyport <command>');
  });

  it('an unknown command exits 2 and names it', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it("keyport help <cmd> and <cmd> --help print that command's usage", async () => {
    for (const args of [
      ['help', 'restore'],
      ['restore', '--help'],
      ['restore', '-h'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^usage: keyport restore <input> --storage <snapshot.json>/);
    }
  });

  it('bin/keyport.js (the package bin) runs the same entry', async () => {
    const run = await runCli(['--help'], { entry: 'bin/keyport.js' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: keyport <command>');
  });
});

describe('password files', () => {
  it('exactly one trailing newline is removed, nothing else is trimmed', () => {
    expect(stripOneNewline('pw')).toBe('pw');
    expect(stripOneNewline('pw\n')).toBe('pw');
    expect(stripOneNewline('pw\r\n')).toBe('pw');
    expect(stripOneNewline('pw\n\n')).toBe('pw\n');
    expect(stripOneNewline(' pw \t\n')).toBe(' pw \t');
    expect(stripOneNewline('pw\r')).toBe('pw\r');
    expect(stripOneNewline('\n')).toBe('');
  });
});

describe('output safety net', () => {
  it('a registered secret never reaches an output line', () => {
    let out = '';
    const io = createIo({ stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } });
    io.registerSecret('correct horse battery staple');
    io.out('oops: correct horse battery staple!');
    expect(out).toBe('oops: [redacted]!\n');
  });
});

describe('progress bar', () => {
  const capture = (tty: boolean) => {
    let err = '';
    const io = createIo({
      stderr: { write: (t: string) => (err += t) },
      stdout: { write: () => true },
      stderrIsTTY: tty,
    });
    return { io, text: () => err };
  };

  it('draws on a terminal with several items, ending with n/n, and clears its line', () => {
    const { io, text } = capture(true);
    const bar = progressBar(io, 'unlocking', 4);
    for (let i = 1; i <= 4; i++) bar.update(i);
    bar.done();
    expect(text()).toContain('unlocking');
    expect(text()).toContain(' 4/4');
    expect(text().endsWith('\r')).toBe(true);
  });

  it('prints nothing when stderr is not a terminal, or for a single item', () => {
    for (const [tty, n] of [
      [false, 8],
      [true, 1],
    ] as const) {
      const { io, text } = capture(tty);
      const bar = progressBar(io, 'unlocking', n);
      bar.update(n);
      bar.done();
      expect(text()).toBe('');
    }
  });
});

describe('atomic writes', () => {
  it('refuses to replace an existing file without overwrite, and leaves it untouched', async () => {
    const p = tmp.file('exists.json', 'old');
    await expect(writeFileAtomic(p, 'new', { overwrite: false })).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    });
    expect(readFileSync(p, 'utf8')).toBe('old');
  });

  it('writes a new file readable by its owner only, and leaves no temporary file', async () => {
    const p = tmp.path('fresh.json');
    await writeFileAtomic(p, 'new', { overwrite: false });
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('overwrite replaces the file and keeps its mode', async () => {
    const p = tmp.file('mode.json', 'old');
    const before = statSync(p).mode & 0o777;
    await writeFileAtomic(p, 'new', { overwrite: true });
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(statSync(p).mode & 0o777).toBe(before);
  });
});

describe('snapshot files', () => {
  const awkward: [string, string][] = [
    ['__proto__', '{"x":1}'],
    ['constructor', ''],
    ['quote"back\\slash', 'line\nbreak\u0000nul'],
    ['lone\ud800surrogate', 'emoji 🦀 and \udfff'],
    ['1', 'integer-like key'],
  ];

  it('serialize → parse keeps every key and value exactly, and parses like JSON.parse', () => {
    const text = serializeSnapshot(awkward);
    const back = parseSnapshot(text, 'x').entries();
    expect(back.sort()).toEqual([...awkward].sort());
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(awkward.map(([k]) => k).sort());
  });

  it('reads exactly what JSON.stringify(localStorage) writes', () => {
    const o: Record<string, string> = { a: '1', 'account:0xab': '{"address":"x"}' };
    expect(parseSnapshot(JSON.stringify(o), 'x').getItem('account:0xab')).toBe('{"address":"x"}');
  });

  it('a missing snapshot file is an empty storage', async () => {
    const s = await loadSnapshot(tmp.path('nope.json'));
    expect(s.length).toBe(0);
  });

  it('a non-object or a non-string value is INVALID_INPUT, without echoing the content', () => {
    for (const bad of [
      '[]',
      '"x"',
      'null',
      '{"a":1}',
      '{"a":{"b":"c"}}',
      '{"a":null}',
      'not json SECRETWORD',
    ]) {
      let err: unknown;
      try {
        parseSnapshot(bad, 'snap.json');
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ name: 'KeyportError', code: 'INVALID_INPUT' });
      expect(String((err as Error).message)).not.toContain('SECRETWORD');
    }
  });

  it('loadSnapshot of a written file gives the same entries (Web Storage surface)', async () => {
    const p = tmp.path('snap.json');
    writeFileSync(p, serializeSnapshot(awkward));
    const s = await loadSnapshot(p);
    expect(s.length).toBe(awkward.length);
    // Order is JSON.parse's: integer-like keys first, then the file's order.
    const keys = Array.from({ length: s.length }, (_, i) => s.key(i));
    expect(keys).toEqual(Object.keys(JSON.parse(serializeSnapshot(awkward))));
    expect(s.key(awkward.length)).toBeNull();
    s.setItem('new', 'v');
    s.removeItem('__proto__');
    expect(s.getItem('new')).toBe('v');
    expect(s.getItem('__proto__')).toBeNull();
  });
});

describe('scryptConcurrency', () => {
  it("runs one scrypt per core, never more than libuv's thread pool holds", () => {
    expect(scryptConcurrency({}, 2)).toBe(2);
    expect(scryptConcurrency({}, 16)).toBe(4);
    expect(scryptConcurrency({ UV_THREADPOOL_SIZE: '12' }, 16)).toBe(12);
    expect(scryptConcurrency({ UV_THREADPOOL_SIZE: '12' }, 2)).toBe(2);
    expect(scryptConcurrency({ UV_THREADPOOL_SIZE: 'lots' }, 16)).toBe(4);
    expect(scryptConcurrency({ UV_THREADPOOL_SIZE: '0' }, 1)).toBe(1);
  });
});
