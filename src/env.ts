import { z } from 'zod';
import { parseClientAddressPolicy } from './server/http/client-address';

/**
 * The only reader of process.env. Every setting the app understands is declared here, with its default;
 * .env.example and docs/configuration.md list the same names.
 */
// An empty value means "not set", so `FOO=` in a .env file falls back to the embedded default.
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const optionalUrl = optionalString.pipe(z.string().url().optional());

/** The demo shop's app credentials (demo-shop/server.ts): the defaults outside production only. */
export const DEMO_SHOPIFY_API_KEY = 'demo-client-id';
export const DEMO_SHOPIFY_API_SECRET = 'demo-client-secret';

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    APP_URL: z.string().url().default('http://localhost:3000'),
    APP_SECRET: optionalString.pipe(z.string().min(32, 'APP_SECRET must be at least 32 characters').optional()),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: optionalUrl,
    PGLITE_DIR: optionalString,
    REDIS_URL: optionalUrl,
    REDIS_PREFIX: z.string().default('osa:'),
    // Defaults are the demo shop's app credentials, refused in production: the secret signs webhooks and App Proxy calls.
    SHOPIFY_API_KEY: optionalString,
    SHOPIFY_API_SECRET: optionalString,
    SHOPIFY_API_VERSION: z
      .string()
      .regex(/^\d{4}-\d{2}$|^unstable$/)
      .default('2025-01'),
    SHOPIFY_SCOPES: z.string().default('read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_locales'),
    SHOPIFY_ADMIN_ORIGIN: optionalString,
    // Embedded admin (issue 12): App Bridge's script, and the admin origin that frames the app and that direct
    // visits are sent back to. The demo points both at the demo shop, which plays Shopify admin.
    SHOPIFY_APP_BRIDGE_URL: optionalUrl.transform((value) => value ?? 'https://cdn.shopify.com/shopifycloud/app-bridge.js'),
    SHOPIFY_ADMIN_UI_ORIGIN: optionalUrl.transform((value) => new URL(value ?? 'https://admin.shopify.com').origin),
    SHOPIFY_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalUrl,
    EMAIL_FROM: z.string().default('Order Status <orders@localhost>'),
    VERIFY_MAX_FAILURES_PER_SESSION: z.coerce.number().int().positive().default(5),
    VERIFY_SESSION_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    VERIFY_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(20),
    VERIFY_CLIENT_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
    VERIFY_MAX_FAILURES_PER_ORDER: z.coerce.number().int().positive().default(10),
    VERIFY_ORDER_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
    GRANT_TTL_HOURS: z.coerce.number().int().positive().default(24),
    MAGIC_LINK_MAX_PER_EMAIL: z.coerce.number().int().positive().default(3),
    MAGIC_LINK_MAX_PER_CLIENT: z.coerce.number().int().positive().default(10),
    MAGIC_LINK_WINDOW_MINUTES: z.coerce.number().int().positive().default(60),
    CHAT_START_MAX_PER_CLIENT: z.coerce.number().int().positive().default(60),
    // Whose word the client address is taken on (per-address limits): unset trusts nothing. See docs/deploy.md.
    TRUSTED_PROXIES: optionalString,
    CLIENT_ADDRESS_HEADER: optionalString,
    // The outbox viewer shows live sign-in links: on only outside production unless the demo turns it on.
    DEV_OUTBOX: optionalString
      .pipe(z.enum(['true', 'false', '1', '0']).optional())
      .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1')),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    // Without it /api/health says only how many shops pass; with `Authorization: Bearer <token>` it names them.
    HEALTH_TOKEN: optionalString.pipe(z.string().min(16, 'HEALTH_TOKEN must be at least 16 characters').optional()),
    // Unset: /api/cron/maintenance answers 404. Set it on serverless platforms, where no timer runs between requests.
    CRON_SECRET: optionalString.pipe(z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional()),
  })
  .superRefine((value, ctx) => {
    const clientAddress = parseClientAddressPolicy({ trustedProxies: value.TRUSTED_PROXIES, header: value.CLIENT_ADDRESS_HEADER });
    if (!clientAddress.ok)
      ctx.addIssue({ code: 'custom', path: [value.CLIENT_ADDRESS_HEADER ? 'CLIENT_ADDRESS_HEADER' : 'TRUSTED_PROXIES'], message: clientAddress.message });
    if (value.NODE_ENV === 'production' && !value.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'APP_SECRET is required in production' });
    }
    // In production the framing origin and App Bridge's script must be https (plain http would let anyone on the
    // path frame or script the dashboard); only loopback, where the demo shop plays admin, may be http.
    for (const name of ['SHOPIFY_APP_BRIDGE_URL', 'SHOPIFY_ADMIN_UI_ORIGIN'] as const) {
      const url = new URL(value[name]);
      const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
      if (value.NODE_ENV === 'production' && url.protocol !== 'https:' && !loopback) {
        ctx.addIssue({ code: 'custom', path: [name], message: `${name} must be an https URL in production` });
      }
    }
    for (const name of ['SHOPIFY_API_KEY', 'SHOPIFY_API_SECRET'] as const) {
      if (value.NODE_ENV === 'production' && !value[name])
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} is required in production (your app's credentials from the Shopify Partner dashboard)`,
        });
    }
  })
  .transform((value) => ({
    ...value,
    SHOPIFY_API_KEY: value.SHOPIFY_API_KEY ?? DEMO_SHOPIFY_API_KEY,
    SHOPIFY_API_SECRET: value.SHOPIFY_API_SECRET ?? DEMO_SHOPIFY_API_SECRET,
  }));

export type AppEnv = z.infer<typeof envSchema>;

/** Parses a raw environment; throws one readable error listing every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: AppEnv | undefined;

/** The process environment, parsed once. */
export function getEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
