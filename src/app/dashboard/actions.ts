'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { toFormError } from '@/server/api/app-error-converter';
import { AUTH_SESSION_COOKIES } from '@/server/auth/auth-config';
import { signOutShopper } from '@/server/auth/shopper-sign-in';
import { readMerchantRequest, readShopAccess } from '@/server/http/next-merchant-request';
import { changeSettings, inviteTeammate } from '@/server/use-cases/dashboard/merchant-dashboard';
import { requestMerchantSignIn } from '@/server/use-cases/dashboard/request-merchant-sign-in';

const text = (form: FormData, name: string, max = 500) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** Sign-in form: a magic link for shop members, the same answer for everyone. */
export async function signInAction(form: FormData): Promise<void> {
  const { services, clientAddress } = await readMerchantRequest();
  const result = await requestMerchantSignIn(services, { email: text(form, 'email', 320), clientAddress });
  redirect(`/dashboard?notice=${result.status}`);
}

export async function signOutAction(): Promise<void> {
  const { services, signedIn } = await readMerchantRequest();
  if (signedIn) await signOutShopper(services, { sessionToken: signedIn.sessionToken, holderHash: null, shopId: '' });
  const jar = await cookies();
  for (const name of AUTH_SESSION_COOKIES) jar.delete(name);
  redirect('/dashboard?notice=signed_out');
}

const failure = (error: unknown) => {
  const code = toFormError(error).code;
  return code === 'bad_request' ? 'invalid' : code === 'forbidden' ? 'forbidden' : 'error';
};

/** Settings form (owners): brand, support email, storefront domains, retention, Shopify admin staff access. */
export async function saveSettingsAction(shop: string, form: FormData): Promise<void> {
  const domains = text(form, 'storefrontDomains', 4000)
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const retention = Number(text(form, 'retentionDays', 10));
  let notice = 'saved';
  try {
    const { services, access } = await readShopAccess(shop);
    await changeSettings(services, access, {
      brandName: text(form, 'brandName', 60),
      brandColor: text(form, 'brandColor', 7),
      logoUrl: text(form, 'logoUrl', 500),
      supportEmail: text(form, 'supportEmail', 320),
      storefrontDomains: domains,
      ...(Number.isInteger(retention) && retention > 0 ? { retentionDays: retention } : {}),
      embeddedStaffAccess: text(form, 'embeddedStaffAccess') === 'owner_only' ? 'owner_only' : 'members',
    });
  } catch (error) {
    notice = failure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}

export async function inviteAction(shop: string, form: FormData): Promise<void> {
  let notice = 'invited';
  try {
    const { services, access } = await readShopAccess(shop);
    await inviteTeammate(services, access, { email: text(form, 'email', 320).trim(), role: text(form, 'role') === 'owner' ? 'owner' : 'member' });
  } catch (error) {
    notice = failure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}
