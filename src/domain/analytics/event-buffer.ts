import type { AnalyticsEvent } from './analytics-event';

export type EventBufferOptions = {
  /** Writes one batch; may throw (the batch is then dropped and the error reported). */
  write: (batch: AnalyticsEvent[]) => Promise<void>;
  onError: (error: unknown, dropped: number) => void;
  /** This many waiting events start a write without waiting for the timer. */
  maxBatch?: number;
  /** At most this many events per write (default 10 × maxBatch): a backlog goes out in fewer, larger writes. */
  maxWrite?: number;
  flushIntervalMs?: number;
  /** Events beyond this many waiting are dropped: a stuck database must not grow memory without bound. */
  maxPending?: number;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void } | unknown;
  clearTimer?: (timer: unknown) => void;
};

export type EventBuffer = {
  push(event: AnalyticsEvent): void;
  flush(): Promise<void>;
  close(): Promise<void>;
  pending(): number;
};

/**
 * Holds events in memory and writes them in batches (every `flushIntervalMs` or when `maxBatch` wait), one
 * write at a time, each taking all that waits up to `maxWrite`. `push` is synchronous and never throws, so recording cannot slow or fail a request.
 */
export function createEventBuffer(options: EventBufferOptions): EventBuffer {
  const maxBatch = options.maxBatch ?? 100;
  const maxWrite = options.maxWrite ?? maxBatch * 10;
  const interval = options.flushIntervalMs ?? 1000;
  const maxPending = options.maxPending ?? 50_000;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as NodeJS.Timeout));
  let queue: AnalyticsEvent[] = [];
  let timer: unknown = null;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxWrite);
      queue = queue.slice(batch.length);
      try {
        await options.write(batch);
      } catch (error) {
        options.onError(error, batch.length);
      }
    }
  };
  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    writing = writing.then(drain);
    return writing;
  };
  const schedule = () => {
    if (timer !== null || closed) return;
    const handle = setTimer(() => {
      timer = null;
      void flush();
    }, interval);
    (handle as { unref?: () => void } | null)?.unref?.();
    timer = handle;
  };

  return {
    push(event) {
      if (queue.length >= maxPending) {
        options.onError(new Error('analytics buffer full'), 1);
        return;
      }
      queue.push(event);
      if (closed || queue.length >= maxBatch) void flush();
      else schedule();
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
    pending: () => queue.length,
  };
}
