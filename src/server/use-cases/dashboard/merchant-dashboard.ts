import { z } from 'zod';
import { AppError } from '../../app-error';
import { clearWidgetFramePolicyCache } from '../../widget/frame-policy';
import type { Services } from '../../services';
import { requireOwner, type Merchant, type ShopAccess } from './authorize-shop-access';
import { inviteMember } from './invite-member';
import { countGreetingOnlyOpens, listAuditLog, listConversations, loadTranscript } from './load-activity';
import { loadOrderTimeline } from './load-order-timeline';
import { loadOverview } from './load-overview';
import { loadSettings } from './load-settings';
import { shopRange, type RangeInput } from './shop-range';
import { settingsInput, updateShopSettings } from './update-shop-settings';

/**
 * What a merchant does in the dashboard, one function each, for tRPC and the dashboard's server components and
 * actions alike. Every function but listMerchantShops takes a ShopAccess (authorizeShopAccess), so nothing here
 * reads another shop.
 */

export async function listMerchantShops(services: Services, merchant: Merchant) {
  return { email: merchant.email, shops: await services.members.listShopsFor(merchant.email) };
}

/** Every number of the main page for a range (data retention runs on its own schedule, not here). */
export function viewOverview(services: Services, access: ShopAccess, input: RangeInput) {
  return loadOverview(services, access.shop, shopRange(input, access.shop.timezone));
}

const orderNumberInput = z.string().trim().min(1).max(64);

export function viewOrderTimeline(services: Services, access: ShopAccess, orderNumber: string) {
  const parsed = orderNumberInput.safeParse(orderNumber);
  if (!parsed.success) throw new AppError('bad_request', 'Enter an order number of at most 64 characters.');
  return loadOrderTimeline(services, access.shop, parsed.data);
}

export async function viewConversations(services: Services, access: ShopAccess, input: RangeInput) {
  const range = shopRange(input, access.shop.timezone);
  const [rows, opensWithoutMessage] = await Promise.all([
    listConversations(services, access.shop, range),
    countGreetingOnlyOpens(services, access.shop, range),
  ]);
  return { range, rows, opensWithoutMessage };
}

export async function viewTranscript(services: Services, access: ShopAccess, conversationId: string) {
  const transcript = z.uuid().safeParse(conversationId).success ? await loadTranscript(services, access.shop, conversationId) : null;
  if (!transcript) throw new AppError('not_found', 'This conversation was not found.');
  return transcript;
}

export async function viewAuditLog(services: Services, access: ShopAccess, input: RangeInput) {
  const range = shopRange(input, access.shop.timezone);
  return { range, rows: await listAuditLog(services, access.shop, range) };
}

export async function viewSettings(services: Services, access: ShopAccess) {
  return {
    ...(await loadSettings(services, access.shop, access.membership.role)),
    role: access.membership.role,
    members: await services.members.listMembers(access.shop.id),
  };
}

/** Owners only; the input is checked here, so a form and tRPC get the same `bad_request`. */
export async function changeSettings(services: Services, access: ShopAccess, input: unknown) {
  requireOwner(access);
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'Some settings are not valid.');
  const settings = await updateShopSettings(services, access.shop.id, parsed.data);
  clearWidgetFramePolicyCache();
  return { settings };
}

const invitation = z.object({ email: z.email().max(320), role: z.enum(['owner', 'member']).default('member') });

/** Owners only: adds a teammate and mails them a sign-in link. */
export function inviteTeammate(services: Services, access: ShopAccess, input: unknown) {
  requireOwner(access);
  const parsed = invitation.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'Please enter a valid email address.');
  return inviteMember(services, access.shop, { ...parsed.data, invitedBy: access.merchant.email });
}
