'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { translator } from '@/domain/i18n/messages';
import { toFormError } from '@/server/api/app-error-converter';
import { AUTH_SESSION_COOKIES } from '@/server/auth/auth-config';
import { signOutShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, readShopperRequest } from '@/server/http/next-shopper-request';
import { requestShopperMagicLink } from '@/server/use-cases/links/request-shopper-magic-link';
import { verifyShopperOrder } from '@/server/use-cases/orders/verify-shopper-order';

export type LookupState = {
  status: 'idle' | 'missing' | 'not_verified' | 'locked' | 'unavailable';
  message: string;
  values: { orderReference: string; email: string };
  /** Changes on every answer, so the form re-renders with the typed values and the message is re-announced. */
  at: number;
  /** Near the attempt limit only: 1 before the last try, 0 once lookups are paused. */
  triesLeft?: 0 | 1;
  /** How long lookups are paused (locked, or the failure that used the last try): the form counts it down. */
  retryAfterSeconds?: number;
};

export type MagicLinkState = { status: 'idle' | 'accepted' | 'invalid_email' | 'limited'; message: string; at: number };

const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** The lookup form: the same use case as orders.verify (door 'page') and the same cookie session as the chat widget. */
export async function verifyOrderAction(shopSegment: string, _previous: LookupState, form: FormData): Promise<LookupState> {
  const values = { orderReference: field(form, 'orderReference', 200), email: field(form, 'email', 320) };
  const answer = (status: LookupState['status'], message: string): LookupState => ({ status, message, values, at: Date.now() });
  if (!values.orderReference.trim() || !values.email.trim()) {
    return answer('missing', (await getTranslations('ui.lookup'))('missing'));
  }
  const locale = await getLocale();
  let verified: string;
  try {
    const shop = await loadTrackingShop(shopSegment);
    if (!shop) return answer('unavailable', (await getTranslations('ui.notFound'))('text'));
    const { services, session, clientAddress } = await readShopperRequest();
    const result = await verifyShopperOrder(services, {
      shop,
      holderHash: session.ensureHolderHash(),
      clientAddress,
      door: 'page',
      reference: values.orderReference,
      email: values.email,
      locale,
    });
    if (result.status === 'locked') return { ...answer('locked', result.message), retryAfterSeconds: result.retryAfterSeconds };
    if (result.status === 'not_verified' && result.triesLeft !== undefined) {
      const pause = result.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: result.retryAfterSeconds };
      return { ...answer('not_verified', result.message), triesLeft: result.triesLeft, ...pause };
    }
    if (result.status !== 'verified') return answer(result.status, result.message);
    verified = `/t/${shop.domain}/orders/${result.record.orderId}`;
  } catch (error) {
    // The database is unreachable: say so in the form, like Shopify being down, instead of an error page.
    const refused = toFormError(error);
    return answer('unavailable', refused.code === 'unavailable' ? translator(locale, 'verification')('unavailable') : refused.message);
  }
  redirect(verified);
}

/** "Email me a link to all my orders": the uniform answer and send limits of requestMagicLink. */
export async function requestMagicLinkAction(shopSegment: string, _previous: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const email = z.string().max(320).catch('').parse(form.get('email'));
  const shop = await loadTrackingShop(shopSegment);
  if (!shop) return { status: 'limited', message: (await getTranslations('ui.notFound'))('text'), at: Date.now() };
  const { services, clientAddress } = await readShopperRequest();
  const locale = await getLocale();
  const result = await requestShopperMagicLink(services, { shop, email, clientAddress, locale });
  return { status: result.status, message: locale === 'en' ? result.message : await magicLinkAnswer(result), at: Date.now() };
}

/** The same uniform answer in the shopper's language: it depends on the status alone (and the shop), never on the email. */
async function magicLinkAnswer(result: Awaited<ReturnType<typeof requestShopperMagicLink>>): Promise<string> {
  const t = await getTranslations('ui.magicLink');
  if (result.status === 'accepted') return t('accepted');
  if (result.status === 'invalid_email') return t('invalidEmail');
  return t('limited', { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) });
}

/** Ends the magic-link session and drops every grant this browser held in the shop. */
export async function signOutAction(shopSegment: string): Promise<void> {
  const shop = await loadTrackingShop(shopSegment);
  if (!shop) redirect('/');
  const { services, session } = await readShopperRequest();
  const jar = await cookies();
  const sessionToken = AUTH_SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean) ?? null;
  await signOutShopper(services, { sessionToken, holderHash: session.holderHash(), shopId: shop.id });
  for (const name of AUTH_SESSION_COOKIES) jar.delete(name);
  redirect(`/t/${shop.domain}?notice=signed_out`);
}
