/**
 * CLI: `tsx demo-shop/main.ts [--port 4010] [--seed 42]` (env DEMO_SHOP_PORT / DEMO_SHOP_SEED).
 * Prints one JSON line with the URL, then one JSON line per shop with its origin and access token.
 */
import { startDemoShop } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

const port = Number(arg('port') ?? process.env.DEMO_SHOP_PORT ?? 4010);
const seedRaw = arg('seed') ?? process.env.DEMO_SHOP_SEED;

const demo = await startDemoShop({
  port,
  ...(seedRaw ? { seed: Number(seedRaw) } : {}),
  ...(process.env.DEMO_SHOP_CONTROL_TOKEN ? { controlToken: process.env.DEMO_SHOP_CONTROL_TOKEN } : {}),
});

console.log(
  JSON.stringify({
    url: demo.url,
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
    apiVersion: demo.apiVersion,
    schemaBuildMs: demo.schemaBuildMs,
    startMs: demo.startMs,
    control: `${demo.url}/_demo`,
  }),
);
for (const s of demo.shops) {
  console.log(
    JSON.stringify({
      shop: s.domain,
      name: s.name,
      accessToken: s.accessToken,
      origin: s.origin,
      graphqlUrl: s.graphqlUrl,
      timezone: s.timezone,
      currency: s.currency,
      orders: s.orderCount,
    }),
  );
}

const stop = (): void => {
  void demo.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
