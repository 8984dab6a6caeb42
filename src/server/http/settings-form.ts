import type { SettingsNotice } from '@/components/dashboard/settings-body';
import { toFormError } from '../api/app-error-converter';

/** A form field as text, cut at `max` ('' when absent or a file). */
export function formText(form: FormData, name: string, max = 500): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The settings form as changeSettings' input (it validates); the same fields in both dashboard doors. */
export function readSettingsForm(form: FormData) {
  const domains = formText(form, 'storefrontDomains', 4000)
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const retention = Number(formText(form, 'retentionDays', 10));
  return {
    brandName: formText(form, 'brandName', 60),
    brandColor: formText(form, 'brandColor', 7),
    logoUrl: formText(form, 'logoUrl', 500),
    supportEmail: formText(form, 'supportEmail', 320),
    storefrontDomains: domains,
    ...(Number.isInteger(retention) && retention > 0 ? { retentionDays: retention } : {}),
    embeddedStaffAccess: formText(form, 'embeddedStaffAccess') === 'owner_only' ? ('owner_only' as const) : ('members' as const),
  };
}

/** The invite form as inviteTeammate's input. */
export function readInviteForm(form: FormData) {
  return { email: formText(form, 'email', 320).trim(), role: formText(form, 'role') === 'owner' ? ('owner' as const) : ('member' as const) };
}

/** What a failed settings change tells the owner. */
export function settingsFailure(error: unknown): SettingsNotice {
  const code = toFormError(error).code;
  return code === 'bad_request' ? 'invalid' : code === 'forbidden' ? 'forbidden' : 'error';
}
