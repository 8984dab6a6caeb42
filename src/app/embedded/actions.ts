'use server';

import { headers } from 'next/headers';
import { SETTINGS_NOTICES, type SettingsNotice } from '@/components/dashboard/settings-body';
import type { EmbeddedActionResult } from '@/components/embedded/embedded-client';
import { readEmbeddedRequestAccess } from '@/server/http/next-embedded-request';
import { formText, readInviteForm, readSettingsForm, settingsFailure } from '@/server/http/settings-form';
import { changeSettings, inviteTeammate } from '@/server/use-cases/dashboard/merchant-dashboard';

const answer = (notice: SettingsNotice): EmbeddedActionResult => ({ ok: notice === 'saved' || notice === 'invited', message: SETTINGS_NOTICES[notice] });

/** Authorized by the session token alone (Authorization header, or the form's `id_token`), never a cookie. */
async function embeddedAccess(form: FormData) {
  return readEmbeddedRequestAccess({
    authorization: (await headers()).get('authorization'),
    formToken: formText(form, 'id_token', 4096) || undefined,
    shop: formText(form, 'shop', 255) || undefined,
  });
}

/** Settings form inside Shopify admin (owners); the same validation and use case as the dashboard's. */
export async function saveEmbeddedSettingsAction(form: FormData): Promise<EmbeddedActionResult> {
  try {
    const { services, access } = await embeddedAccess(form);
    await changeSettings(services, access, readSettingsForm(form));
    return answer('saved');
  } catch (error) {
    return answer(settingsFailure(error));
  }
}

/** Invite form inside Shopify admin (owners). */
export async function inviteEmbeddedAction(form: FormData): Promise<EmbeddedActionResult> {
  try {
    const { services, access } = await embeddedAccess(form);
    await inviteTeammate(services, access, readInviteForm(form));
    return answer('invited');
  } catch (error) {
    return answer(settingsFailure(error));
  }
}
