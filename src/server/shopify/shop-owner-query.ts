import { z } from 'zod';

/**
 * The shop owner's email (`Shop.email`: "The shop owner's email address. Shopify will use this email address to
 * communicate with the shop owner", 2025-01 schema). Not `contactEmail`, the public address shoppers write to:
 * dashboard access goes to the owner only. One object, 1 point; needs no access scope.
 */
export const SHOP_OWNER_QUERY = /* GraphQL */ `
  query WismoShopOwner {
    shop {
      email
    }
  }
`;

export const SHOP_OWNER_COST_ESTIMATE = 1;

export const shopOwnerSchema = z.object({ shop: z.object({ email: z.string() }) });
