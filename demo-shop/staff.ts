/**
 * Staff accounts of the demo shops, as Shopify admin knows them: who a session token's `sub` is and what the
 * token exchange answers in `associated_user`. The same three people exist in every demo shop.
 */
export interface StaffAccount {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  email_verified: boolean;
  account_owner: boolean;
  locale: string;
  collaborator: boolean;
}

export const DEMO_STAFF: readonly StaffAccount[] = [
  // The shop owner; `npm run demo` makes the same email the dashboard owner.
  {
    id: 70001,
    first_name: 'Mara',
    last_name: 'Owner',
    email: 'merchant@example.com',
    email_verified: true,
    account_owner: true,
    locale: 'en',
    collaborator: false,
  },
  {
    id: 70002,
    first_name: 'Sam',
    last_name: 'Support',
    email: 'support@example.com',
    email_verified: true,
    account_owner: false,
    locale: 'en',
    collaborator: false,
  },
  {
    id: 70003,
    first_name: 'Una',
    last_name: 'Verified',
    email: 'unverified@example.com',
    email_verified: false,
    account_owner: false,
    locale: 'en',
    collaborator: false,
  },
];

export function findStaff(id: string | number | null | undefined): StaffAccount | undefined {
  return DEMO_STAFF.find((s) => String(s.id) === String(id));
}
