import type { Shop } from '@/domain/shops/shop';
import type { Services } from '../../services';
import { issueMerchantLink } from '../../dashboard/issue-merchant-link';
import type { MemberRole } from '../../dashboard/shop-members';

/** Adds a teammate to the shop and mails them a sign-in link through the app's Auth.js email flow. */
export async function inviteMember(services: Services, shop: Shop, input: { email: string; role: MemberRole; invitedBy: string }) {
  await services.members.addMember({ shopId: shop.id, email: input.email, role: input.role, invitedBy: input.invitedBy });
  await issueMerchantLink(services, { email: input.email, invitedTo: shop.settings.brandName ?? shop.name });
  return { invited: true as const };
}
