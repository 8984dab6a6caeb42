import { z } from 'zod';
import { hashClientFor, hashEmailFor } from '../../wiring/order-deps';
import type { Services } from '../../services';
import { issueMerchantLink } from '../../dashboard/issue-merchant-link';
import { memberEmail } from '../../dashboard/shop-members';

export const MERCHANT_SIGN_IN_ACCEPTED = 'If that email belongs to a shop team, a sign-in link is on its way. It works once, for 1 hour.';
const MAX_PER_EMAIL = 5;
const MAX_PER_CLIENT = 20;
const WINDOW_MS = 60 * 60 * 1000;
/** Above a membership lookup plus a mail send, so timing does not tell members from strangers. */
const MINIMUM_RESPONSE_MS = 500;

export type MerchantSignInResult = { status: 'accepted' | 'invalid_email' | 'limited'; message: string };

/**
 * Mails a sign-in link to a shop member; anyone else gets the same answer after the same time and no mail.
 * Sends are limited per email and per client address (when known) in the shared store.
 */
export async function requestMerchantSignIn(services: Services, input: { email: string; clientAddress: string | null }): Promise<MerchantSignInResult> {
  const startedAt = Date.now();
  const email = z.email().max(320).safeParse(input.email.trim());
  if (!email.success) return { status: 'invalid_email', message: 'Please enter a valid email address, like name@example.com.' };
  const normalized = memberEmail(email.data);
  const emailKey = `merchant-sign-in:email:${hashEmailFor(services)(normalized) ?? normalized}`;
  const clientHash = hashClientFor(services)(input.clientAddress);
  const [perEmail, perClient] = await Promise.all([
    services.store.increment(emailKey, WINDOW_MS),
    clientHash ? services.store.increment(`merchant-sign-in:client:${clientHash}`, WINDOW_MS) : 0,
  ]);
  if (perEmail > MAX_PER_EMAIL || perClient > MAX_PER_CLIENT) {
    return { status: 'limited', message: 'Too many sign-in links were asked for. Please try again in an hour.' };
  }
  try {
    const shops = await services.members.listShopsFor(normalized);
    if (shops.length > 0) await issueMerchantLink(services, { email: normalized });
  } catch (error) {
    services.logger.error('merchant sign-in link failed', { error: error instanceof Error ? error.message : String(error) });
  }
  const remaining = MINIMUM_RESPONSE_MS - (Date.now() - startedAt);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  return { status: 'accepted', message: MERCHANT_SIGN_IN_ACCEPTED };
}
