/**
 * `npx tsx bench/proactive-share.ts`: the proactive greeting's share of returning verified shoppers in the demo.
 * Every order of the demo's Acme shop that a shopper can verify (has an email, not a test order) is verified in
 * a chat by its own browser, as the tracking page and chat do (verifyShopperOrder: grant, audit, limits); the same
 * browser then opens the widget again (startChat). Prints how many of those greetings led with news, by kind.
 */
import { randomUUID } from 'node:crypto';
import { startDemoWorld } from '../test/support/demo-world';
import { verifyShopperOrder } from '../src/server/use-cases/orders/verify-shopper-order';
import { startChat } from '../src/server/use-cases/chat/start-chat';
import { PROACTIVE_INTENT } from '../src/domain/agent/compose-welcome';
import { printTable } from './bench-kit';

const SHOP = 'acme-outdoors.myshopify.com';
const FINISHED = new Set(['delivered', 'cancelled', 'refunded', 'digital']);

async function main() {
  // Limits are per client address; each simulated shopper has its own, and the start limit is lifted for the run.
  const world = await startDemoWorld({ connect: [SHOP], env: { CHAT_START_MAX_PER_CLIENT: '100000' } });
  try {
    const shop = world.shops.get(SHOP)!;
    const orders = world.demo.data.orders(SHOP).filter((order) => order.email && !order.test);
    const kinds = new Map<string, number>();
    let returning = 0;
    let proactive = 0;
    // Shoppers come back about orders still on their way; finished ones (delivered long ago, cancelled) have no news.
    let inFlight = 0;
    let inFlightProactive = 0;
    for (const [index, order] of orders.entries()) {
      const holderHash = `bench-${randomUUID()}`;
      const clientAddress = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
      const verified = await verifyShopperOrder(world.services, {
        shop,
        holderHash,
        clientAddress,
        door: 'widget',
        reference: order.name,
        email: order.email!,
      });
      if (verified.status !== 'verified') continue;
      returning += 1;
      const open = !FINISHED.has(verified.record.view.status);
      if (open) inFlight += 1;
      const started = await startChat(world.services, { ensureHolderHash: () => holderHash, clientAddress }, { shop, door: 'widget' });
      const greeting = started.messages[0]!;
      const cards = greeting.cards.filter((card) => card.type === 'order');
      if (cards.length === 0 || !(await isProactive(world.services, started.conversationId))) continue;
      proactive += 1;
      if (open) inFlightProactive += 1;
      const kind = cards[0]!.type === 'order' ? cards[0]!.order.status : 'unknown';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const percent = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(1) : '0.0'} %`;
    printTable('Proactive greeting, returning verified shoppers (demo Acme shop)', [
      { shoppers: 'all verified orders', 'returning verified shoppers': returning, 'proactive greetings': proactive, share: percent(proactive, returning) },
      {
        shoppers: 'orders not finished yet',
        'returning verified shoppers': inFlight,
        'proactive greetings': inFlightProactive,
        share: percent(inFlightProactive, inFlight),
      },
    ]);
    printTable(
      'Order status behind the proactive greetings',
      [...kinds].sort((a, b) => b[1] - a[1]).map(([status, greetings]) => ({ status, greetings })),
    );
  } finally {
    await world.close();
  }
}

async function isProactive(services: Awaited<ReturnType<typeof startDemoWorld>>['services'], conversationId: string): Promise<boolean> {
  const { messages } = await import('../src/server/db/schema');
  const { eq } = await import('drizzle-orm');
  const rows = await services.db.select({ intent: messages.intent }).from(messages).where(eq(messages.conversationId, conversationId));
  return rows.some((row) => row.intent === PROACTIVE_INTENT);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
