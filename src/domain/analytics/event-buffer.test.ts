import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from './analytics-event';
import { createEventBuffer } from './event-buffer';

const event = (n: number): AnalyticsEvent => ({
  shopId: '00000000-0000-4000-8000-000000000001',
  at: new Date(n),
  type: 'answer_sent',
  door: 'widget',
  latencyMs: n,
});

function manualTimers() {
  const timers: Array<() => void> = [];
  return { timers, setTimer: (fn: () => void) => (timers.push(fn), timers.length), clearTimer: () => undefined };
}

describe('createEventBuffer', () => {
  it('writes nothing until the timer fires, then one batch', async () => {
    const batches: AnalyticsEvent[][] = [];
    const clock = manualTimers();
    const buffer = createEventBuffer({ write: async (b) => void batches.push(b), onError: () => undefined, ...clock });
    buffer.push(event(1));
    buffer.push(event(2));
    expect(batches).toHaveLength(0);
    expect(clock.timers).toHaveLength(1);
    clock.timers[0]!();
    await buffer.flush();
    expect(batches.map((b) => b.length)).toEqual([2]);
  });

  it('flushes at maxBatch without waiting for the timer, in writes of at most maxWrite', async () => {
    const batches: AnalyticsEvent[][] = [];
    const buffer = createEventBuffer({ write: async (b) => void batches.push(b), onError: () => undefined, maxBatch: 3, maxWrite: 3, ...manualTimers() });
    for (let i = 0; i < 7; i++) buffer.push(event(i));
    await buffer.close();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().map((e) => e.latencyMs)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('a backlog that built up during a slow write goes out in one larger write', async () => {
    const batches: AnalyticsEvent[][] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const buffer = createEventBuffer({
      write: async (b) => {
        batches.push(b);
        if (batches.length === 1) await slow;
      },
      onError: () => undefined,
      maxBatch: 2,
      ...manualTimers(),
    });
    for (let i = 0; i < 2; i++) buffer.push(event(i));
    await new Promise((resolve) => setImmediate(resolve)); // the first write is now under way
    for (let i = 2; i < 14; i++) buffer.push(event(i));
    release();
    await buffer.close();
    expect(batches.map((b) => b.length)).toEqual([2, 12]);
  });

  it('swallows write errors: push never throws, later batches still go out', async () => {
    const errors: number[] = [];
    const written: AnalyticsEvent[] = [];
    let fail = true;
    const buffer = createEventBuffer({
      write: async (b) => {
        if (fail) throw new Error('db down');
        written.push(...b);
      },
      onError: (_, dropped) => errors.push(dropped),
      ...manualTimers(),
    });
    buffer.push(event(1));
    await buffer.flush();
    fail = false;
    buffer.push(event(2));
    await buffer.close();
    expect(errors).toEqual([1]);
    expect(written.map((e) => e.latencyMs)).toEqual([2]);
  });

  it('drops events beyond maxPending instead of growing without bound', async () => {
    let dropped = 0;
    const buffer = createEventBuffer({ write: async () => undefined, onError: (_, n) => (dropped += n), maxPending: 2, maxBatch: 100, ...manualTimers() });
    for (let i = 0; i < 5; i++) buffer.push(event(i));
    expect(buffer.pending()).toBe(2);
    expect(dropped).toBe(3);
  });
});
