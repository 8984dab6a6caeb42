/**
 * Connects a shop with an Admin API access token (custom app or the demo shop):
 *   npm run shop:connect -- --domain acme.myshopify.com --token shpat_… [--api-origin URL] [--webhook-secret S] [--owner email]
 * Then subscribes the shop's webhooks at APP_URL (see shop-webhooks.ts).
 * Exit code 0 on success, 1 on bad input or a refused token (nothing is written then), or when the shop was
 * connected but Shopify refused its webhook subscriptions (the message says what to fix).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectShop } from '@/domain/shops/connect-shop';
import { normalizeApiOrigin, normalizeShopDomain } from '@/domain/shops/shop-domain';
import type { Services } from '@/server/services';
import { connectShopDeps } from '@/server/wiring/shop-deps';
import { createShopMemberRepository } from '@/server/dashboard/shop-members';
import { syncWebhookSubscriptions } from '@/server/shops/sync-webhook-subscriptions';

const argsSchema = z.object({
  domain: z
    .string({ error: '--domain is required' })
    .refine((value) => normalizeShopDomain(value) !== null, '--domain must be a your-shop.myshopify.com domain'),
  token: z.string({ error: '--token is required' }).min(1, '--token is required'),
  'api-origin': z
    .string()
    .refine((value) => normalizeApiOrigin(value) !== null, '--api-origin must be an http(s) URL without query or fragment')
    .optional(),
  'webhook-secret': z.string().min(1, '--webhook-secret must not be empty').optional(),
  owner: z.email('--owner must be an email address').optional(),
});

export type ShopConnectIo = { out: (line: string) => void; err: (line: string) => void };

/** Parses argv, connects the shop and prints its id and widget snippet; returns the exit code. */
export async function runShopConnect(argv: string[], openServices: () => Promise<Services>, io: ShopConnectIo): Promise<number> {
  let raw: Record<string, unknown>;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        domain: { type: 'string' },
        token: { type: 'string' },
        'api-origin': { type: 'string' },
        'webhook-secret': { type: 'string' },
        owner: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    raw = parsed.values;
  } catch (error) {
    io.err(`shop:connect: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const args = argsSchema.safeParse(raw);
  if (!args.success) {
    io.err(`shop:connect: ${args.error.issues[0]?.message ?? 'invalid arguments'}`);
    return 1;
  }

  const services = await openServices();
  try {
    const result = await connectShop(connectShopDeps(services), {
      domain: args.data.domain,
      token: args.data.token,
      apiOrigin: args.data['api-origin'],
      webhookSecret: args.data['webhook-secret'],
      ownerEmail: args.data.owner,
    });
    if (!result.ok) {
      io.err(`shop:connect: ${result.reason}: ${result.message}`);
      return 1;
    }
    const { shop } = result;
    if (args.data.owner) {
      await createShopMemberRepository(services.db).addMember({ shopId: shop.id, email: args.data.owner, role: 'owner' });
      io.out(`Owner: ${args.data.owner} (signs in to the dashboard by magic link)`);
    }
    const appUrl = services.env.APP_URL.replace(/\/+$/, '');
    io.out(`${result.created ? 'Connected' : 'Reconnected'} ${shop.name} (${shop.domain}) via ${shop.apiOrigin}`);
    io.out(`Shop id: ${shop.id}`);
    io.out('Widget snippet:');
    io.out(`<script src="${appUrl}/widget.js" data-shop="${shop.domain}" async></script>`);
    const webhooks = await syncWebhookSubscriptions(services, shop);
    if (!webhooks.ok) {
      io.err(`shop:connect: ${shop.domain} is connected, but its webhooks are not subscribed (${webhooks.reason}): ${webhooks.message}`);
      return 1;
    }
    io.out(
      `Webhooks: ${webhooks.plan.keep.length + webhooks.created + webhooks.moved} topics at ${webhooks.callbackUrl} (created ${webhooks.created}, moved ${webhooks.moved}, removed ${webhooks.removed})`,
    );
    return 0;
  } finally {
    await services.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  // Same settings as `next dev`, which reads these files itself; existing variables win.
  for (const file of ['.env.local', '.env']) if (existsSync(file)) process.loadEnvFile(file);
  // The outcome is printed as one line; the Admin API client's own warnings would repeat it as JSON.
  process.env.LOG_LEVEL ??= 'error';
  const { getServices } = await import('@/server/services');
  const code = await runShopConnect(process.argv.slice(2), getServices, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`shop:connect: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  });
  process.exit(code);
}
