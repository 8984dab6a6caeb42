/**
 * Who may open the embedded dashboard, decided from what Shopify's token exchange says about the staff member
 * and what the shop's settings allow. Membership rows stay the one source of dashboard access: this only says
 * which row to add, if any.
 */
export type EmbeddedStaffAccess = 'members' | 'owner_only';
export const DEFAULT_EMBEDDED_STAFF_ACCESS: EmbeddedStaffAccess = 'members';

export type StaffFacts = { accountOwner: boolean; emailVerified: boolean };

export type StaffAccessDecision = { ok: true; add: 'owner' | 'member' | null } | { ok: false; reason: 'unverified_email' | 'owner_only' };

/**
 * The shop's account owner is always let in as `owner`. Other staff: an existing member keeps their role;
 * anyone else becomes a `member` when the shop allows staff (`members`, the default) and is refused under
 * `owner_only`. An email Shopify has not verified never matches or creates a membership, since memberships
 * are keyed by email and one could otherwise claim another person's row.
 */
export function decideStaffAccess(staff: StaffFacts, existingRole: 'owner' | 'member' | null, setting: EmbeddedStaffAccess | undefined): StaffAccessDecision {
  if (!staff.emailVerified) return { ok: false, reason: 'unverified_email' };
  if (staff.accountOwner) return { ok: true, add: existingRole === 'owner' ? null : 'owner' };
  if (existingRole) return { ok: true, add: null };
  if ((setting ?? DEFAULT_EMBEDDED_STAFF_ACCESS) === 'owner_only') return { ok: false, reason: 'owner_only' };
  return { ok: true, add: 'member' };
}
