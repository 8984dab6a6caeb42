import { domainToASCII } from 'node:url';

/**
 * The GraphQL documents the app sends to Shopify. One fragment describes an order exactly as
 * src/domain/orders/source-order.ts parses it; every lookup selects that fragment.
 *
 * Sizes are deliberately small: Shopify multiplies nested connection sizes into the requested cost,
 * a single query may not exceed 1000 points, and the bucket must hold the requested cost before it runs.
 * Each size is what the shopper view (src/domain/tracking) can use; measured costs are in docs/benchmarks.md
 * ("Shopify API budget") and guarded by order-query-cost.integration.test.ts, including the worst case where Shopify
 * would also multiply plain lists such as `fulfillments(first:)`:
 * - refunds 3: the timeline lists each refund; a fourth partial refund is rare (the total comes from totalRefundedSet).
 * - lineItems 15: the order's item list; unshipped counts use each line's unfulfilledQuantity.
 * - fulfillments 5: one per package; more than five packages on one order is rare.
 * - trackingInfo 2: the view shows one tracking number per package (the first one that has a number).
 * - events 8, newest first: the latest scan drives the status; the timeline shows the last eight scans.
 * - fulfillmentLineItems 10: the items inside one package.
 * - fulfillmentOrders 2: how the order travels (shipping, local delivery window, pickup location), holds and
 *   schedules; one per location, and a second location is rare for the orders shoppers ask about.
 */
export const ORDER_FIELDS_FRAGMENT = /* GraphQL */ `
  fragment WismoOrder on Order {
    id
    legacyResourceId
    name
    email
    createdAt
    processedAt
    updatedAt
    cancelledAt
    cancelReason
    closedAt
    displayFinancialStatus
    displayFulfillmentStatus
    test
    currencyCode
    totalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    totalRefundedSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    refunds(first: 3) {
      createdAt
      totalRefundedSet {
        shopMoney {
          amount
          currencyCode
        }
      }
    }
    customer {
      id
      firstName
    }
    shippingAddress {
      firstName
      city
      country
      countryCodeV2
    }
    lineItems(first: 15) {
      nodes {
        id
        title
        variantTitle
        quantity
        currentQuantity
        unfulfilledQuantity
        requiresShipping
      }
    }
    fulfillments(first: 5) {
      id
      name
      status
      displayStatus
      createdAt
      updatedAt
      inTransitAt
      deliveredAt
      estimatedDeliveryAt
      trackingInfo(first: 2) {
        company
        number
        url
      }
      events(first: 8, sortKey: HAPPENED_AT, reverse: true) {
        nodes {
          id
          status
          happenedAt
          message
          city
          province
          country
          estimatedDeliveryAt
        }
      }
      fulfillmentLineItems(first: 10) {
        nodes {
          quantity
          lineItem {
            id
            title
            variantTitle
          }
        }
      }
    }
    fulfillmentOrders(first: 2) {
      nodes {
        status
        fulfillAt
        fulfillmentHolds {
          reason
        }
        deliveryMethod {
          methodType
          minDeliveryDateTime
          maxDeliveryDateTime
        }
        assignedLocation {
          name
          address1
          city
        }
      }
    }
  }
`;

/** Orders matching a search string, newest first (name, email and customer lookups). */
export const SEARCH_ORDERS_QUERY = /* GraphQL */ `
  query WismoSearchOrders($query: String!, $first: Int!, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        ...WismoOrder
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ORDER_FIELDS_FRAGMENT}
`;

export const GET_ORDER_QUERY = /* GraphQL */ `
  query WismoGetOrder($id: ID!) {
    order(id: $id) {
      ...WismoOrder
    }
  }
  ${ORDER_FIELDS_FRAGMENT}
`;

export const SHOP_INFO_QUERY = /* GraphQL */ `
  query WismoShopInfo {
    shop {
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
    orders(first: 1, sortKey: CREATED_AT, reverse: true) {
      nodes {
        name
      }
    }
  }
`;

/** Name search returns a handful of candidates (one per spelling, at most); the caller compares names exactly. */
export const NAME_SEARCH_FIRST = 3;
/** Page size bounds for email / customer history: 4 keeps even the worst-case requested cost under 1000. */
export const DEFAULT_PAGE_SIZE = 4;
export const MAX_PAGE_SIZE = 4;

/**
 * Quotes a value for Shopify's search syntax. Backslashes and single quotes are escaped so a value
 * can never close the quote and inject another term (e.g. `x' OR email:'*`).
 */
export function quoteSearchValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** One search for every spelling of an order name (`name:'#1001' OR name:'1001'`): still a single call. */
export function nameSearch(orderNames: string | readonly string[]): string {
  const names = (typeof orderNames === 'string' ? [orderNames] : orderNames).map((name) => name.trim()).filter(Boolean);
  return names.map((name) => `name:${quoteSearchValue(name)}`).join(' OR ');
}

/**
 * An address with an internationalised domain is searched in both spellings (Unicode and punycode), since a shop
 * may have stored either; the caller compares the results exactly (emailsMatch folds both to one form).
 */
export function emailSearch(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  const domain = trimmed.slice(at + 1);
  const ascii = at > 0 && /[^\x00-\x7f]/.test(domain) ? domainToASCII(domain) : '';
  const spellings = new Set([trimmed, ...(ascii ? [`${trimmed.slice(0, at)}@${ascii}`] : [])]);
  return [...spellings].map((spelling) => `email:${quoteSearchValue(spelling)}`).join(' OR ');
}

/** Accepts a numeric customer id or its gid; anything else is rejected before it reaches the search. */
export function customerSearch(customerId: string): string | null {
  const id = customerId.trim().replace(/^gid:\/\/shopify\/Customer\//, '');
  return /^\d{1,20}$/.test(id) ? `customer_id:${id}` : null;
}

/** gid for a legacy numeric order id, or null when the id is not numeric. */
export function orderGid(orderId: string): string | null {
  const id = orderId.trim().replace(/^gid:\/\/shopify\/Order\//, '');
  return /^\d{1,20}$/.test(id) ? `gid://shopify/Order/${id}` : null;
}

/**
 * Shopify's static cost of one WismoOrder (objects 1, connections 2 + first × node), used only until
 * the real `requestedQueryCost` has been measured: 1 order + 4 money objects + refunds 3 + customer 1
 * + address 1 + lineItems 2+15 + fulfillments (1 + trackingInfo 1 + events 2+8 + fulfillmentLineItems 2+10×2)
 * + fulfillmentOrders 2+2×(1 + holds 1 + deliveryMethod 1 + assignedLocation 1).
 */
export const ORDER_COST_ESTIMATE = 1 + 4 + 3 + 2 + 17 + 34 + 10;

export function estimateSearchCost(first: number): number {
  return 2 + first * ORDER_COST_ESTIMATE;
}
