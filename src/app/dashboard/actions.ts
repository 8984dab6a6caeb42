'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_SESSION_COOKIES } from '@/server/auth/auth-config';
import { signOutShopper } from '@/server/auth/shopper-sign-in';
import { readMerchantRequest, readShopAccess } from '@/server/http/next-merchant-request';
import { formText, readInviteForm, readSettingsForm, settingsFailure } from '@/server/http/settings-form';
import { changeSettings, inviteTeammate } from '@/server/use-cases/dashboard/merchant-dashboard';
import { requestMerchantSignIn } from '@/server/use-cases/dashboard/request-merchant-sign-in';

/** Sign-in form: a magic link for shop members, the same answer for everyone. */
export async function signInAction(form: FormData): Promise<void> {
  const { services, clientAddress } = await readMerchantRequest();
  const result = await requestMerchantSignIn(services, { email: formText(form, 'email', 320), clientAddress });
  redirect(`/dashboard?notice=${result.status}`);
}

export async function signOutAction(): Promise<void> {
  const { services, signedIn } = await readMerchantRequest();
  if (signedIn) await signOutShopper(services, { sessionToken: signedIn.sessionToken, holderHash: null, shopId: '' });
  const jar = await cookies();
  for (const name of AUTH_SESSION_COOKIES) jar.delete(name);
  redirect('/dashboard?notice=signed_out');
}

/** Settings form (owners): brand, support email, storefront domains, retention, Shopify admin staff access. */
export async function saveSettingsAction(shop: string, form: FormData): Promise<void> {
  let notice = 'saved';
  try {
    const { services, access } = await readShopAccess(shop);
    await changeSettings(services, access, readSettingsForm(form));
  } catch (error) {
    notice = settingsFailure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}

export async function inviteAction(shop: string, form: FormData): Promise<void> {
  let notice = 'invited';
  try {
    const { services, access } = await readShopAccess(shop);
    await inviteTeammate(services, access, readInviteForm(form));
  } catch (error) {
    notice = settingsFailure(error);
  }
  redirect(`/dashboard/${encodeURIComponent(shop)}/settings?notice=${notice}`);
}
