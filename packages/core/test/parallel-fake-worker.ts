// An in-process stand-in for a scrypt worker: it records what the pool posts and answers only
// when the test says so, so scheduling, crashes and cancellation can be tested exactly.
import type { WorkerPort } from '../src/parallel/pool.ts';
import type { ScryptRequest } from '../src/parallel/protocol.ts';

/** A fake "scrypt": 64 bytes that depend on the password, salt and N, cheap to check. */
export function fakeKey(req: Pick<ScryptRequest, 'password' | 'salt' | 'N'>): Uint8Array {
  return Uint8Array.from(
    { length: 64 },
    (_, i) => (req.password[0] ?? 7) + (req.salt[i % 32] ?? 0) + req.N + i,
  );
}

export class FakePort implements WorkerPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly posted: ScryptRequest[] = [];
  terminated = false;
  /** Whether the worker keeps the process alive (Node's ref/unref). */
  referenced = true;

  postMessage(message: ScryptRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  ref(): void {
    this.referenced = true;
  }
  unref(): void {
    this.referenced = false;
  }
  /** The request this worker is working on (the last one posted). */
  get current(): ScryptRequest {
    const req = this.posted[this.posted.length - 1];
    if (!req) throw new Error('nothing was posted to this worker');
    return req;
  }
  answer(data: unknown = { id: this.current.id, ok: true, key: fakeKey(this.current) }): void {
    this.onmessage?.({ data });
  }
  crash(): void {
    this.onerror?.(new Error('segfault'));
  }
}

/** A spawn() that hands out FakePorts and keeps them for inspection. */
export function fakeSpawner(): { spawn: () => FakePort; ports: FakePort[] } {
  const ports: FakePort[] = [];
  return {
    ports,
    spawn: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
  };
}

/** Lets queued promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
