// Row 4: the migrate page's initial JavaScript, gzipped: every script and modulepreload that
// apps/migrate-web/dist/index.html names, plus what those chunks import statically (a dynamic
// import() is lazy and does not count). Needs the page built first (its `vite build`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from './stats.ts';

const LIMIT_KB = 50;

function localRefs(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) refs.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) refs.push(href[1]!);
  }
  return refs.filter((r) => !/^[a-z]+:/i.test(r) && !r.startsWith('//'));
}

/** Static imports of an ES module chunk: `import … from "./x.js"`, `import "./x.js"`, `export … from`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
  )) {
    out.push(m[1]!);
  }
  return out;
}

/** The initial JS files of a built page and their gzip sizes. */
export function initialJs(distDir: string): {
  files: { file: string; bytes: number; gzip: number }[];
  gzip: number;
} {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = localRefs(html).map((r) => resolve(distDir, r.replace(/^\//, '')));
  const seen = new Set<string>();
  const files: { file: string; bytes: number; gzip: number }[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const code = readFileSync(file);
    files.push({ file: relative(distDir, file), bytes: code.length, gzip: gzipSync(code).length });
    for (const spec of staticImports(code.toString('utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolve(dirname(file), spec));
    }
  }
  return { files, gzip: files.reduce((n, f) => n + f.gzip, 0) };
}

/** The row for the migrate page built into `distDir`; pending when its build failed. */
export function benchPageSize(distDir: string, buildError?: string): Row {
  const base = { id: 'page-size', title: 'migrate page initial JS (gzip)', goal: `≤ ${LIMIT_KB} KB` };
  if (buildError || !existsSync(join(distDir, 'index.html'))) {
    return { ...base, status: 'pending', note: buildError ?? `${distDir}/index.html is missing` };
  }
  const { files, gzip } = initialJs(distDir);
  const kb = Math.round((gzip / 1024) * 10) / 10;
  return {
    ...base,
    status: 'measured',
    keyport: { median: kb, runs: [kb], unit: 'KB' },
    keyportLabel: `${files.length} file${files.length === 1 ? '' : 's'}`,
    met: kb <= LIMIT_KB,
    extra: Object.fromEntries(files.map((f) => [f.file, `${f.gzip} B gzip (${f.bytes} B)`])),
  };
}
