import { z } from 'zod';
import { sourceOrderSchema, type SourceOrder } from '@/domain/orders/source-order';
import type { KeyValueStore } from '../cache/key-value-store';
import type { Logger } from '../logger';
import { createGraphqlTransport, type GraphqlOperation } from './graphql-transport';
import {
  DEFAULT_PAGE_SIZE,
  GET_ORDER_QUERY,
  MAX_PAGE_SIZE,
  NAME_SEARCH_FIRST,
  SEARCH_ORDERS_QUERY,
  SHOP_INFO_QUERY,
  customerSearch,
  estimateSearchCost,
  ORDER_COST_ESTIMATE,
  emailSearch,
  nameSearch,
  orderGid,
} from './order-query';
import { createShopBucket, type BucketSettings } from './shop-bucket';
import { SHOP_LOCALES_COST_ESTIMATE, SHOP_LOCALES_QUERY, shopLocalesSchema, type ShopLocaleRow } from './shop-locales-query';
import { SHOP_OWNER_COST_ESTIMATE, SHOP_OWNER_QUERY, shopOwnerSchema } from './shop-owner-query';
import { ShopifyError } from './shopify-error';
import { webhookSubscriptionCalls, type WebhookSubscriptionCalls } from './webhook-subscription-calls';

export { ShopifyError, type ShopifyErrorKind } from './shopify-error';

export type ShopCredentials = { shopId: string; domain: string; apiOrigin: string; accessToken: string };
/** `sampleOrderName`: the newest order's name, to learn how the shop spells order numbers (`NT-1001`). */
export type ShopInfo = { name: string; domain: string; ianaTimezone: string; currencyCode: string; sampleOrderName: string | null };
export type OrderPage = { orders: SourceOrder[]; nextCursor: string | null };
export type PageRequest = { first?: number; after?: string };

export interface ShopifyAdminClient {
  /** One GraphQL call. Candidates for an order name (search is loose: caller must compare exactly). */
  findOrdersByName(shop: ShopCredentials, orderNames: string | readonly string[]): Promise<SourceOrder[]>;
  /** Orders whose email matches per Shopify's search (loose: caller compares case-insensitively). */
  findOrdersByEmail(shop: ShopCredentials, email: string, page?: PageRequest): Promise<OrderPage>;
  findOrdersByCustomer(shop: ShopCredentials, customerId: string, page?: PageRequest): Promise<OrderPage>;
  /** null when the order does not exist (or the id is not a Shopify order id). */
  getOrder(shop: ShopCredentials, orderId: string /* legacy numeric id */): Promise<SourceOrder | null>;
  fetchShopInfo(shop: ShopCredentials): Promise<ShopInfo>;
  /** This app's webhook subscriptions in the shop (list, create, update, delete), paced like every call. */
  webhookSubscriptions(shop: ShopCredentials): WebhookSubscriptionCalls;
  /** The shop owner's email as Shopify has it (may be any string: the caller validates it). */
  fetchShopOwnerEmail(shop: ShopCredentials): Promise<string>;
  /** Every storefront language of the shop, primary and published flags included (`read_locales`). */
  fetchShopLocales(shop: ShopCredentials): Promise<ShopLocaleRow[]>;
}

export type ShopifyAdminClientDeps = {
  store: KeyValueStore;
  logger: Logger;
  apiVersion: string;
  timeoutMs: number;
  maxAttempts?: number;
  maxThrottleWaitMs?: number;
  /** Fixed bucket settings; by default 2000 points at 100/s until a shop's throttleStatus says otherwise. */
  bucket?: BucketSettings;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const orderPageSchema = z.object({
  orders: z.object({
    nodes: z.array(sourceOrderSchema),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
  }),
});
const singleOrderSchema = z.object({ order: sourceOrderSchema.nullable() });
const shopInfoSchema = z.object({
  shop: z.object({ name: z.string(), myshopifyDomain: z.string(), ianaTimezone: z.string(), currencyCode: z.string() }),
  orders: z.object({ nodes: z.array(z.object({ name: z.string() })) }),
});

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The app's Admin API client: GraphQL only, shared per-shop budget, typed failures (ShopifyError). */
export function createShopifyAdminClient(deps: ShopifyAdminClientDeps): ShopifyAdminClient {
  const now = deps.now ?? Date.now;
  const transport = createGraphqlTransport({
    bucket: createShopBucket({ store: deps.store, logger: deps.logger, ...(deps.bucket ? { settings: deps.bucket } : {}), now }),
    logger: deps.logger,
    apiVersion: deps.apiVersion,
    timeoutMs: deps.timeoutMs,
    maxAttempts: Math.max(1, deps.maxAttempts ?? 3),
    maxThrottleWaitMs: deps.maxThrottleWaitMs ?? 4000,
    fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: deps.sleep ?? defaultSleep,
    ...(deps.random ? { random: deps.random } : {}),
  });

  async function call<T>(shop: ShopCredentials, operation: GraphqlOperation, schema: z.ZodType<T>): Promise<T> {
    const data = await transport.request(shop, operation);
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const paths = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    deps.logger.warn('shopify response did not match the expected shape', { shop: shop.domain, operation: operation.name, issues: paths });
    throw new ShopifyError('bad_response', shop.domain, `unexpected ${operation.name} response shape`);
  }

  async function searchOrders(shop: ShopCredentials, name: string, query: string, first: number, after?: string): Promise<OrderPage> {
    const variables = { query, first, after: after ?? null };
    const data = await call(
      shop,
      { name, costKey: `search:${first}`, initialCost: estimateSearchCost(first), query: SEARCH_ORDERS_QUERY, variables },
      orderPageSchema,
    );
    const { nodes, pageInfo } = data.orders;
    return { orders: nodes, nextCursor: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null };
  }

  const pageSize = (page?: PageRequest) => Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page?.first ?? DEFAULT_PAGE_SIZE)));

  return {
    async findOrdersByName(shop, orderNames) {
      const query = nameSearch(orderNames);
      if (query === '') return [];
      return (await searchOrders(shop, 'findOrdersByName', query, NAME_SEARCH_FIRST)).orders;
    },
    async findOrdersByEmail(shop, email, page) {
      if (email.trim() === '') return { orders: [], nextCursor: null };
      return searchOrders(shop, 'findOrdersByEmail', emailSearch(email), pageSize(page), page?.after);
    },
    async findOrdersByCustomer(shop, customerId, page) {
      const query = customerSearch(customerId);
      if (!query) return { orders: [], nextCursor: null };
      return searchOrders(shop, 'findOrdersByCustomer', query, pageSize(page), page?.after);
    },
    async getOrder(shop, orderId) {
      const id = orderGid(orderId);
      if (!id) return null;
      const data = await call(
        shop,
        { name: 'getOrder', costKey: 'order', initialCost: ORDER_COST_ESTIMATE, query: GET_ORDER_QUERY, variables: { id } },
        singleOrderSchema,
      );
      return data.order;
    },
    async fetchShopInfo(shop) {
      const { shop: info, orders } = await call(shop, { name: 'fetchShopInfo', costKey: 'shop', initialCost: 4, query: SHOP_INFO_QUERY }, shopInfoSchema);
      return {
        name: info.name,
        domain: info.myshopifyDomain,
        ianaTimezone: info.ianaTimezone,
        currencyCode: info.currencyCode,
        sampleOrderName: orders.nodes[0]?.name ?? null,
      };
    },
    webhookSubscriptions: (shop) => webhookSubscriptionCalls((operation, schema) => call(shop, operation, schema)),
    async fetchShopOwnerEmail(shop) {
      const data = await call(
        shop,
        { name: 'fetchShopOwnerEmail', costKey: 'shop-owner', initialCost: SHOP_OWNER_COST_ESTIMATE, query: SHOP_OWNER_QUERY },
        shopOwnerSchema,
      );
      return data.shop.email;
    },
    async fetchShopLocales(shop) {
      const data = await call(
        shop,
        { name: 'fetchShopLocales', costKey: 'shop-locales', initialCost: SHOP_LOCALES_COST_ESTIMATE, query: SHOP_LOCALES_QUERY },
        shopLocalesSchema,
      );
      return data.shopLocales;
    },
  };
}
