import { startDemoShop, type DemoShop } from '../../demo-shop/server';
import type { Shop } from '@/domain/shops/shop';
import type { AppEnv } from '@/env';
import type { Services } from '@/server/services';
import { connectDemoShops } from './connect-demo-shops';
import { createTestServices } from './test-services';

export type DemoWorld = { demo: DemoShop; services: Services; shops: Map<string, Shop>; close: () => Promise<void> };

/**
 * What most integration tests start from: the demo shop on a free port, test services (embedded defaults or
 * the real servers, see createTestServices) with `env` overrides, and the demo's shops connected the way the
 * CLI does (all of them, or the `connect` domains). `close` stops the services, then the demo shop; a failed
 * start closes what it opened before throwing. Typical use: `beforeAll(async () => { …; return world.close; })`.
 */
export async function startDemoWorld(options: { env?: Partial<Record<keyof AppEnv, string>>; connect?: string[] } = {}): Promise<DemoWorld> {
  const demo = await startDemoShop({ port: 0 });
  let services: Services | undefined;
  try {
    services = await createTestServices(options.env);
    const shops = await connectDemoShops(services, demo, options.connect);
    const opened = services;
    const close = async () => {
      await opened.close();
      await demo.close();
    };
    return { demo, services, shops, close };
  } catch (error) {
    await services?.close();
    await demo.close();
    throw error;
  }
}
