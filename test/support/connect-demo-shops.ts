import type { DemoShop } from '../../demo-shop/server';
import { connectShop } from '@/domain/shops/connect-shop';
import type { Shop } from '@/domain/shops/shop';
import { connectShopDeps } from '@/server/wiring/shop-deps';
import type { Services } from '@/server/services';

/**
 * Connects the demo shop's shops (all, or the named ones) the way the CLI does, so integration tests start
 * from real stored shops. Throws when one cannot be connected: a test set-up must fail loudly.
 */
export async function connectDemoShops(services: Services, demo: Pick<DemoShop, 'shops'>, domains?: string[]): Promise<Map<string, Shop>> {
  const connected = new Map<string, Shop>();
  for (const info of demo.shops.filter((shop) => !domains || domains.includes(shop.domain))) {
    const result = await connectShop(connectShopDeps(services), { domain: info.domain, token: info.accessToken, apiOrigin: info.origin });
    if (!result.ok) throw new Error(`could not connect ${info.domain}: ${result.message}`);
    connected.set(info.domain, result.shop);
  }
  return connected;
}
