'use server';

import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestMagicLink } from '@/domain/links/request-magic-link';
import { AUTH_SESSION_COOKIES } from '@/server/auth/auth-config';
import { magicLinkDeps } from '@/server/auth/magic-link-deps';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/server/db/database-unavailable';
import { signOutShopper } from '@/server/auth/shopper-sign-in';
import { loadTrackingShop, trackingContext } from '@/server/tracking/page-context';

export type LookupState = {
  status: 'idle' | 'missing' | 'not_verified' | 'locked' | 'unavailable';
  message: string;
  values: { orderReference: string; email: string };
  /** Changes on every answer, so the form re-renders with the typed values and the message is re-announced. */
  at: number;
};

export type MagicLinkState = { status: 'idle' | 'accepted' | 'invalid_email' | 'limited'; message: string; at: number };

const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** The lookup form: the same orders.verify procedure (door 'page') and cookie session as the chat widget. */
export async function verifyOrderAction(shopSegment: string, _previous: LookupState, form: FormData): Promise<LookupState> {
  const values = { orderReference: field(form, 'orderReference', 200), email: field(form, 'email', 320) };
  const answer = (status: LookupState['status'], message: string): LookupState => ({ status, message, values, at: Date.now() });
  if (!values.orderReference.trim() || !values.email.trim()) {
    return answer('missing', 'Enter both your order number and the email address you used for the order.');
  }
  let verified: string;
  try {
    const shop = await loadTrackingShop(shopSegment);
    if (!shop) return answer('unavailable', 'This shop is not available.');
    const { caller } = await trackingContext({ createSession: true });
    const result = await caller.orders.verify({ shop: shop.domain, orderReference: values.orderReference, email: values.email, door: 'page' });
    if (result.status !== 'verified') return answer(result.status, result.message);
    verified = `/t/${shop.domain}/orders/${result.order.orderId}`;
  } catch (error) {
    // The database is unreachable: say so in the form, like Shopify being down, instead of an error page.
    const outage = isDatabaseUnavailable(error) || (error instanceof TRPCError && error.code === 'SERVICE_UNAVAILABLE');
    if (outage) return answer('unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    throw error;
  }
  redirect(verified);
}

/** "Email me a link to all my orders": the uniform answer and send limits of requestMagicLink. */
export async function requestMagicLinkAction(shopSegment: string, _previous: MagicLinkState, form: FormData): Promise<MagicLinkState> {
  const email = z.string().max(320).catch('').parse(form.get('email'));
  const shop = await loadTrackingShop(shopSegment);
  if (!shop) return { status: 'limited', message: 'This shop is not available.', at: Date.now() };
  const { services, ctx } = await trackingContext({ createSession: false });
  const result = await requestMagicLink(magicLinkDeps(services), {
    shop: { id: shop.id, domain: shop.domain, name: shop.name },
    email,
    clientAddress: ctx.clientAddress,
    callbackPath: `/t/${shop.domain}/orders`,
  });
  return { status: result.status, message: result.message, at: Date.now() };
}

/** Ends the magic-link session and drops every grant this browser held in the shop. */
export async function signOutAction(shopSegment: string): Promise<void> {
  const shop = await loadTrackingShop(shopSegment);
  if (!shop) redirect('/');
  const { services, holderHash } = await trackingContext({ createSession: false });
  const jar = await cookies();
  const sessionToken = AUTH_SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean) ?? null;
  await signOutShopper(services, { sessionToken, holderHash, shopId: shop.id });
  for (const name of AUTH_SESSION_COOKIES) jar.delete(name);
  redirect(`/t/${shop.domain}?notice=signed_out`);
}
