import { normalizeEmail } from '../verification/normalize-email';

export type MagicLinkShop = { id: string; domain: string; name: string };
export type SendLimit = { max: number; windowMs: number };

export type RequestMagicLinkDeps = {
  counters: { increment(key: string, ttlMs: number): Promise<number>; ttl(key: string): Promise<number | null> };
  limits: { perEmail: SendLimit; perClient: SendLimit };
  hashEmail: (normalizedEmail: string) => string;
  /** Null for an unknown address: then only the per-email limit applies. */
  hashClient: (address: string | null) => string | null;
  /** Whether this email has at least one real (non-test) order in the shop; 'unknown' when Shopify cannot say. */
  hasOrders: (shop: MagicLinkShop, email: string) => Promise<boolean | 'unknown'>;
  /** Mints the single-use sign-in link bound to this shop and mails it. */
  sendLink: (input: { shop: MagicLinkShop; email: string; callbackPath: string }) => Promise<void>;
  audit: (entry: {
    shopId: string;
    result: 'success' | 'failure' | 'locked' | 'unavailable';
    reason: string;
    emailHash: string | null;
    clientHash: string | null;
  }) => Promise<void>;
  /** Every answer takes at least this long, so timing does not tell "has orders" from "has none". */
  minimumResponseMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** A number in [0, 1) for the padding jitter (Math.random in production). */
  random: () => number;
};

export type RequestMagicLinkInput = { shop: MagicLinkShop; email: string; clientAddress: string | null; callbackPath?: string };

export type RequestMagicLinkResult =
  { status: 'accepted'; message: string } | { status: 'invalid_email'; message: string } | { status: 'limited'; message: string; retryAfterMs: number };

export const invalidEmailMessage = 'Please enter a valid email address, like name@example.com.';
export const acceptedMessage = (shopName: string) =>
  `If that email has orders at ${shopName}, a sign-in link is on its way. It works once, for 1 hour. Check your spam folder if it does not arrive within a few minutes.`;

/** Only paths inside this shop's tracking pages: a link can never send its holder elsewhere. */
export function safeCallbackPath(shopDomain: string, callbackPath: string | undefined): string {
  const fallback = `/t/${shopDomain}/orders`;
  if (!callbackPath) return fallback;
  const prefix = `/t/${shopDomain}/`;
  return callbackPath.startsWith(prefix) && /^[\w\-./]+$/.test(callbackPath) && !callbackPath.includes('..') ? callbackPath : fallback;
}

/**
 * Sends a magic link to an email's order history in one shop, for the tracking page and the chat. The answer
 * is the same whether or not the email has orders (a mail goes out only when it has); requests count against
 * a per-email and a per-client-address limit (when the address is known) before anything else happens, so the limit itself reveals nothing.
 */
export async function requestMagicLink(deps: RequestMagicLinkDeps, input: RequestMagicLinkInput): Promise<RequestMagicLinkResult> {
  const startedAt = deps.now().getTime();
  const pad = async <T>(result: T): Promise<T> => {
    const remaining = deps.minimumResponseMs - (deps.now().getTime() - startedAt);
    if (remaining > 0) await deps.sleep(remaining + deps.random() * deps.minimumResponseMs * 0.2);
    return result;
  };
  const clientHash = deps.hashClient(input.clientAddress);
  const email = normalizeEmail(input.email);
  if (!email.ok) return { status: 'invalid_email', message: invalidEmailMessage };
  const emailHash = deps.hashEmail(email.email);
  const audit = (result: 'success' | 'failure' | 'locked' | 'unavailable', reason: string) =>
    deps.audit({ shopId: input.shop.id, result, reason, emailHash, clientHash });

  let retryAfterMs = 0;
  try {
    const scopes = [{ key: `magic-link:email:${emailHash}`, limit: deps.limits.perEmail }];
    if (clientHash) scopes.push({ key: `magic-link:client:${clientHash}`, limit: deps.limits.perClient });
    for (const { key, limit } of scopes) {
      const count = await deps.counters.increment(key, limit.windowMs);
      if (count > limit.max) retryAfterMs = Math.max(retryAfterMs, (await deps.counters.ttl(key)) ?? limit.windowMs);
    }
  } catch {
    // Fail closed: an unlimited mail sender is worse than a short outage.
    await audit('unavailable', 'limits_unavailable');
    return pad({ status: 'limited', message: 'We cannot send links right now. Please try again in a few minutes.', retryAfterMs: 60_000 });
  }
  if (retryAfterMs > 0) {
    await audit('locked', 'send_limit');
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    return pad({
      status: 'limited',
      message: `We have sent several links recently. Please check your inbox, or ask again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
      retryAfterMs,
    });
  }

  const callbackPath = safeCallbackPath(input.shop.domain, input.callbackPath);
  try {
    const has = await deps.hasOrders(input.shop, email.email);
    // When Shopify cannot say, send anyway: the link is harmless without orders and the shopper is not stuck.
    if (has === false) await audit('failure', 'no_orders');
    else {
      await deps.sendLink({ shop: input.shop, email: email.email, callbackPath });
      await audit('success', has === true ? 'sent' : 'sent_unverified');
    }
  } catch {
    await audit('unavailable', 'send_failed');
  }
  return pad({ status: 'accepted', message: acceptedMessage(input.shop.name) });
}
