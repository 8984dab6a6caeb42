import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { analyticsEvents, shops } from '../db/schema';
import type { Services } from '../services';
import { createTestServices } from '../../../test/support/test-services';
import { createLogger } from '../logger';
import { createAnalytics } from './event-recorder';

const SHOP = '00000000-0000-4000-8000-0000000000ee';
let services: Services;

beforeAll(async () => {
  services = await createTestServices();
  await services.db
    .insert(shops)
    .values({ id: SHOP, domain: 'recorder-test.myshopify.com', name: 'Recorder', apiOrigin: 'http://127.0.0.1:1', accessTokenEncrypted: 'x' });
});
afterAll(() => services?.close());

describe('createAnalytics', () => {
  it('writes outside the async context of the request that recorded (so pending writes do not keep requests alive)', async () => {
    const request = new AsyncLocalStorage<{ request: string }>();
    const seenByWrites: Array<unknown> = [];
    const db = new Proxy(services.db, {
      get(target, property, receiver) {
        if (property === 'transaction') seenByWrites.push(request.getStore());
        return Reflect.get(target, property, receiver);
      },
    });
    const analytics = createAnalytics(db, createLogger('silent'), { maxBatch: 2, flushIntervalMs: 5 });
    await request.run({ request: 'GET /widget' }, async () => {
      analytics.record({ shopId: SHOP, type: 'answer_sent', door: 'widget', latencyMs: 5 });
      analytics.record({ shopId: SHOP, type: 'answer_sent', door: 'widget', latencyMs: 6 }); // maxBatch: a write starts here
      analytics.record({ shopId: SHOP, type: 'answer_sent', door: 'widget', latencyMs: 7 }); // and this one on the timer
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await analytics.close();
    expect(seenByWrites.length).toBeGreaterThan(0);
    expect(seenByWrites.every((store) => store === undefined)).toBe(true);
    expect(await services.db.select().from(analyticsEvents).where(eq(analyticsEvents.shopId, SHOP))).toHaveLength(3);
  });
});
