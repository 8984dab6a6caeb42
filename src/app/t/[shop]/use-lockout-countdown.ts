'use client';

import { useEffect, useState } from 'react';

export type Lockout = { paused: boolean; over: boolean; clock: string };

type Tick = { answeredAt: number; end: number; now: number };

/**
 * Counts a lookup pause down once a second from when the answer arrived (the browser's clock, so a skewed
 * server clock cannot shorten or stretch it). `over` turns true when a pause this answer started has ended.
 * `answeredAt` changes with every answer, so a new pause restarts the count.
 */
export function useLockoutCountdown(retryAfterSeconds: number | undefined, answeredAt: number): Lockout {
  const [tick, setTick] = useState<Tick | null>(null);
  useEffect(() => {
    if (!retryAfterSeconds) return;
    const end = Date.now() + retryAfterSeconds * 1000;
    const update = () => {
      const now = Date.now();
      setTick({ answeredAt, end, now });
      if (now >= end) clearInterval(timer);
    };
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [retryAfterSeconds, answeredAt]);
  if (!retryAfterSeconds) return { paused: false, over: false, clock: '' };
  const current = tick?.answeredAt === answeredAt ? tick : null;
  const left = current ? Math.max(0, Math.ceil((current.end - current.now) / 1000)) : retryAfterSeconds;
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return { paused: left > 0, over: left === 0, clock };
}
