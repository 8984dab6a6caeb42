import { AUTH_BASE_PATH, EMAIL_PROVIDER_ID, MAGIC_LINK_MAX_AGE_SECONDS, authSecret, hashVerificationToken } from '../auth/auth-config';
import { randomToken } from '../crypto/secrets';
import { verificationTokens } from '../db/schema';
import type { OutgoingMail } from '../mail/mailer';
import type { Services } from '../services';
import { memberEmail } from './shop-members';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function composeMerchantMail(to: string, url: string, invitedTo: string | null): OutgoingMail {
  const intro = invitedTo ? `You were invited to the ${invitedTo} order-status dashboard.` : 'Here is your sign-in link for the order-status dashboard.';
  const text = [
    intro,
    '',
    'Open this link to sign in:',
    '',
    url,
    '',
    'The link works once and expires in 1 hour. If you did not ask for it, ignore this email.',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a"><p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">Sign in to the dashboard</a></p>
<p style="color:#475569">The link works once and expires in 1 hour. If you did not ask for it, ignore this email.</p></body></html>`;
  return { to, subject: invitedTo ? `You were invited to ${invitedTo}'s dashboard` : 'Your dashboard sign-in link', text, html, purpose: 'merchant_sign_in' };
}

/**
 * Mints a merchant sign-in through the app's one Auth.js instance (the same email provider and token table the
 * shoppers' magic links use: SHA-256(token + secret), single use, 1 hour) and mails it. The callback lands on
 * `/dashboard`; what the session may see is decided by shop_members rows, not by the link.
 */
export async function issueMerchantLink(services: Services, input: { email: string; invitedTo?: string | null; now?: Date }): Promise<{ url: string }> {
  const email = memberEmail(input.email);
  const now = input.now ?? new Date();
  const token = randomToken(32);
  const expires = new Date(now.getTime() + MAGIC_LINK_MAX_AGE_SECONDS * 1000);
  await services.db.insert(verificationTokens).values({ identifier: email, token: hashVerificationToken(token, authSecret(services)), expires });
  const base = services.env.APP_URL.replace(/\/+$/, '');
  const url = `${base}${AUTH_BASE_PATH}/callback/${EMAIL_PROVIDER_ID}?${new URLSearchParams({ callbackUrl: '/dashboard', token })}`;
  await services.mailer.send(composeMerchantMail(email, url, input.invitedTo ?? null));
  return { url };
}
