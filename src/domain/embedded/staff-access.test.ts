import { describe, expect, it } from 'vitest';
import { decideStaffAccess } from './staff-access';

const owner = { accountOwner: true, emailVerified: true };
const staff = { accountOwner: false, emailVerified: true };

describe('decideStaffAccess', () => {
  it('makes the account owner an owner, whatever the setting', () => {
    expect(decideStaffAccess(owner, null, 'owner_only')).toEqual({ ok: true, add: 'owner' });
    expect(decideStaffAccess(owner, 'member', 'members')).toEqual({ ok: true, add: 'owner' });
    expect(decideStaffAccess(owner, 'owner', undefined)).toEqual({ ok: true, add: null });
  });

  it('lets other staff in as members by default, and keeps an existing role', () => {
    expect(decideStaffAccess(staff, null, undefined)).toEqual({ ok: true, add: 'member' });
    expect(decideStaffAccess(staff, null, 'members')).toEqual({ ok: true, add: 'member' });
    expect(decideStaffAccess(staff, 'member', 'owner_only')).toEqual({ ok: true, add: null });
    expect(decideStaffAccess(staff, 'owner', 'owner_only')).toEqual({ ok: true, add: null });
  });

  it('refuses staff who are not members when the shop allows only its owner', () => {
    expect(decideStaffAccess(staff, null, 'owner_only')).toEqual({ ok: false, reason: 'owner_only' });
  });

  it('never maps an unverified email, not even onto an existing row', () => {
    expect(decideStaffAccess({ ...staff, emailVerified: false }, 'owner', 'members')).toEqual({ ok: false, reason: 'unverified_email' });
    expect(decideStaffAccess({ ...owner, emailVerified: false }, null, 'members')).toEqual({ ok: false, reason: 'unverified_email' });
  });
});
