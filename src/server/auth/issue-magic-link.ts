import type { Locale } from '@/domain/i18n/locales';
import { randomToken } from '../crypto/secrets';
import { verificationTokens } from '../db/schema';
import { hashEmailFor } from '../wiring/order-deps';
import type { Services } from '../services';
import { AUTH_BASE_PATH, EMAIL_PROVIDER_ID, MAGIC_LINK_MAX_AGE_SECONDS, authSecret, hashVerificationToken } from './auth-config';
import { composeMagicLinkMail } from './magic-link-mail';
import { signShopClaim } from './shopper-sign-in';

/** The claim outlives the link a little: a shopper who clicks at minute 59 still lands in their history. */
const CLAIM_GRACE_MS = 15 * 60 * 1000;

/**
 * Mints an Auth.js email sign-in exactly as Auth.js's own flow would (token stored as SHA-256(token + secret),
 * expiring in 1 hour) and mails it. The link is `/api/auth/callback/email?token=…&callbackUrl=…`: Auth.js
 * consumes the token and starts the session, then sends the browser to this shop's claim route. No email and
 * no order number in the URL. The mail is in the shopper's `locale` (English when absent).
 */
export async function issueMagicLink(
  services: Services,
  input: { shop: { id: string; domain: string; name: string }; email: string; callbackPath: string; now?: Date; locale?: Locale },
): Promise<{ url: string }> {
  const now = input.now ?? new Date();
  const emailHash = hashEmailFor(services)(input.email);
  if (!emailHash) throw new Error('issueMagicLink needs a valid email');
  const token = randomToken(32);
  const expires = new Date(now.getTime() + MAGIC_LINK_MAX_AGE_SECONDS * 1000);
  await services.db.insert(verificationTokens).values({ identifier: input.email, token: hashVerificationToken(token, authSecret(services)), expires });
  const claim = signShopClaim(services, { shopId: input.shop.id, emailHash, expiresAt: new Date(expires.getTime() + CLAIM_GRACE_MS) });
  const callbackUrl = `/t/${input.shop.domain}/claim/${claim}?${new URLSearchParams({ next: input.callbackPath })}`;
  const base = services.env.APP_URL.replace(/\/+$/, '');
  const url = `${base}${AUTH_BASE_PATH}/callback/${EMAIL_PROVIDER_ID}?${new URLSearchParams({ callbackUrl, token })}`;
  await services.mailer.send(composeMagicLinkMail({ to: input.email, url, shopName: input.shop.name, ...(input.locale ? { locale: input.locale } : {}) }));
  return { url };
}
