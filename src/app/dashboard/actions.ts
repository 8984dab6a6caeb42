'use server';

import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_SESSION_COOKIES } from '@/server/auth/auth-config';
import { readSignedInShopper, signOutShopper } from '@/server/auth/shopper-sign-in';
import { dashboardCaller } from '@/server/dashboard/dashboard-context';
import { requestMerchantSignIn } from '@/server/dashboard/request-merchant-sign-in';
import { readClientAddress } from '@/server/api/trpc';

const text = (form: FormData, name: string, max = 500) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** Sign-in form: a magic link for shop members, the same answer for everyone. */
export async function signInAction(form: FormData): Promise<void> {
  const { services, headers } = await dashboardCaller();
  const result = await requestMerchantSignIn(services, { email: text(form, 'email', 320), clientAddress: readClientAddress(headers) });
  redirect(`/dashboard?notice=${result.status}`);
}

export async function signOutAction(): Promise<void> {
  const { services, headers } = await dashboardCaller();
  const merchant = await readSignedInShopper(services, headers);
  if (merchant) await signOutShopper(services, { sessionToken: merchant.sessionToken, holderHash: null, shopId: '' });
  const jar = await cookies();
  for (const name of AUTH_SESSION_COOKIES) jar.delete(name);
  redirect('/dashboard?notice=signed_out');
}

const failure = (error: unknown) => (error instanceof TRPCError ? (error.code === 'BAD_REQUEST' ? 'invalid' : error.code === 'FORBIDDEN' ? 'forbidden' : 'error') : 'error');

/** Settings form (owners): brand, support email, storefront domains, retention. */
export async function saveSettingsAction(shop: string, form: FormData): Promise<void> {
  const { caller } = await dashboardCaller();
  const domains = text(form, 'storefrontDomains', 4000)
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const retention = Number(text(form, 'retentionDays', 10));
  let notice = 'saved';
  try {
    await caller.dashboard.updateSettings({
      shop,
      brandName: text(form, 'brandName', 60),
      brandColor: text(form, 'brandColor', 7),
      logoUrl: text(form, 'logoUrl', 500),
      supportEmail: text(form, 'supportEmail', 320),
      storefrontDomains: domains,
      ...(Number.isInteger(retention) && retention > 0 ? { retentionDays: retention } : {}),
    });
  } catch (error) {
    notice = failure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}

export async function inviteAction(shop: string, form: FormData): Promise<void> {
  const { caller } = await dashboardCaller();
  let notice = 'invited';
  try {
    await caller.dashboard.invite({ shop, email: text(form, 'email', 320).trim(), role: text(form, 'role') === 'owner' ? 'owner' : 'member' });
  } catch (error) {
    notice = failure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}
