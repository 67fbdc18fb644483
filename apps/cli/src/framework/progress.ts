// A one-line progress bar on stderr, drawn only when stderr is a terminal and there is more than
// one item: `unlocking ███████░░░░░░░ 5/8`. Pipes and files get no control characters.
import type { Io } from './io.ts';

/** Reports progress of `total` items; `done()` clears the line. */
export interface Progress {
  update(done: number): void;
  done(): void;
}

const NONE: Progress = { update: () => {}, done: () => {} };

/**
 * A progress bar labelled `label` for `total` items, or a no-op when stderr is not a terminal
 * or `total` < 2.
 *
 * @example const bar = progressBar(io, 'unlocking', 8); bar.update(3); bar.done();
 */
export function progressBar(io: Io, label: string, total: number): Progress {
  if (!io.stderrIsTTY || total < 2) return NONE;
  const width = Math.max(10, Math.min(40, io.columns - label.length - 20));
  const draw = (n: number) => {
    const filled = Math.round((n / total) * width);
    io.errRaw(`\r${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${n}/${total}`);
  };
  draw(0);
  return {
    update: (n) => draw(Math.min(n, total)),
    done: () => io.errRaw(`\r${' '.repeat(label.length + width + 24)}\r`),
  };
}
