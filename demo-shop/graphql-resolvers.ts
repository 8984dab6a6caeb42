/** Root value and field resolver for the modelled subset of the Admin GraphQL API. */
import { GraphQLError, getNamedType, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { paginate, type PageArgs } from './connection';
import type { Customer, Order } from './model';
import { filterOrders } from './order-filter';
import { describeSearchNode, parseSearchQuery } from './search-query';
import { gid, mapConnection, renderCustomer, renderOrder } from './render-graphql';
import type { ShopConfig } from './shops';
import type { DemoStore } from './store';
import { webhookRootFields } from './graphql-webhook-resolvers';
import type { WebhookSubscriptionRegistry } from './webhook-subscriptions';

export interface SearchReport {
  path: (string | number)[];
  query: string;
  parsed: unknown;
  warnings: { field: string; message: string }[];
}

export interface GraphqlContext {
  shop: ShopConfig;
  store: DemoStore;
  scopes: string[];
  nowMs: number;
  search: SearchReport[];
  actualCost: number;
  subscriptions: WebhookSubscriptionRegistry;
  /** The API client the token belongs to: subscriptions are listed per app. */
  app: string;
}

type OrdersArgs = PageArgs & { query?: string | null; sortKey?: string | null };

function sortValue(o: Order, sortKey: string): string | number {
  switch (sortKey) {
    case 'CREATED_AT':
      return o.createdAt;
    case 'UPDATED_AT':
      return o.updatedAt;
    case 'ORDER_NUMBER':
      return o.orderNumber;
    case 'TOTAL_PRICE':
      return Number(o.totalPrice);
    case 'CUSTOMER_NAME':
      return `${o.customer?.firstName ?? ''} ${o.customer?.lastName ?? ''}`.toLowerCase();
    case 'FINANCIAL_STATUS':
      return o.financialStatus;
    case 'FULFILLMENT_STATUS':
      return o.displayFulfillmentStatus;
    case 'PROCESSED_AT':
      return o.processedAt;
    default:
      return o.id;
  }
}

function requireOrdersScope(ctx: GraphqlContext, field: string): void {
  if (!ctx.scopes.includes('read_orders') && !ctx.scopes.includes('write_orders')) {
    throw new GraphQLError(`Access denied for ${field} field.`, {
      extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes' },
    });
  }
}

function ordersConnection(ctx: GraphqlContext, source: Order[], args: OrdersArgs, info: GraphQLResolveInfo): unknown {
  requireOrdersScope(ctx, info.fieldName);
  const node = parseSearchQuery(args.query ?? '');
  const { orders, warnings } = filterOrders(source, node, ctx.nowMs);
  if (warnings.length > 0 && node) {
    ctx.search.push({ path: responsePathAsArray(info.path), query: args.query ?? '', parsed: describeSearchNode(node), warnings });
  }
  const sortKey = args.sortKey ?? 'PROCESSED_AT';
  const keyed = orders.map((o) => ({ o, v: sortValue(o, sortKey) }));
  keyed.sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.o.id - b.o.id));
  const page = paginate(keyed, args, (k) => ({ id: k.o.id, value: k.v }), true);
  return mapConnection(page, (k) => renderOrder(k.o, ctx.shop, customerOrders(ctx)));
}

function customerOrders(ctx: GraphqlContext) {
  return (c: Customer) => (args: OrdersArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
    ordersConnection(
      ctx,
      ctx.store.orders(ctx.shop.domain).filter((o) => o.customer?.id === c.id),
      args,
      info,
    );
}

function parseGid(id: string, type: string): number | null {
  const m = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(id);
  return m ? Number(m[1]) : null;
}

export function createRootValue(ctx: GraphqlContext): Record<string, unknown> {
  const { shop, store } = ctx;
  const findCustomer = (id: number): Customer | undefined => store.orders(shop.domain).find((o) => o.customer?.id === id)?.customer ?? undefined;
  const order = (args: { id: string }, _c: unknown, info: GraphQLResolveInfo): unknown => {
    requireOrdersScope(ctx, info.fieldName);
    const n = parseGid(args.id, 'Order');
    if (n === null) throw new GraphQLError(`Invalid global id '${args.id}'`, { extensions: { code: 'argumentLiteralsIncompatible' } });
    const o = store.findOrderById(shop.domain, n);
    return o ? renderOrder(o, shop, customerOrders(ctx)) : null;
  };
  const customer = (args: { id: string }): unknown => {
    const n = parseGid(args.id, 'Customer');
    const c = n === null ? undefined : findCustomer(n);
    return c ? renderCustomer(c, customerOrders(ctx)(c)) : null;
  };
  return {
    ...webhookRootFields(ctx),
    orders: (args: OrdersArgs, _c: unknown, info: GraphQLResolveInfo) => ordersConnection(ctx, store.orders(shop.domain), args, info),
    order,
    customer,
    node: (args: { id: string }, c: unknown, info: GraphQLResolveInfo) =>
      args.id.includes('/Order/') ? order(args, c, info) : args.id.includes('/Customer/') ? customer(args) : null,
    ordersCount: (args: { query?: string | null }, _c: unknown, info: GraphQLResolveInfo) => {
      requireOrdersScope(ctx, info.fieldName);
      const { orders } = filterOrders(store.orders(shop.domain), parseSearchQuery(args.query ?? ''), ctx.nowMs);
      return { count: orders.length, precision: 'EXACT' };
    },
    shopLocales: (args: { published?: boolean | null }, _c: unknown, info: GraphQLResolveInfo) => {
      // Shopify: "Requires the read_locales scope" (or write_locales).
      if (!ctx.scopes.includes('read_locales') && !ctx.scopes.includes('write_locales')) {
        throw new GraphQLError(`Access denied for ${info.fieldName} field.`, {
          extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes' },
        });
      }
      return shop.locales
        .filter((l) => !args.published || l.published)
        .map((l) => ({
          __typename: 'ShopLocale',
          locale: l.locale,
          name: new Intl.DisplayNames(['en'], { type: 'language' }).of(l.locale) ?? l.locale,
          primary: l.primary,
          published: l.published,
          marketWebPresences: [],
        }));
    },
    shop: {
      __typename: 'Shop',
      id: gid('Shop', shop.shopId),
      name: shop.name,
      myshopifyDomain: shop.domain,
      ianaTimezone: shop.timezone,
      currencyCode: shop.currency,
      email: `owner@${shop.domain}`,
      url: `https://${shop.domain}`,
      contactEmail: `support@${shop.domain}`,
    },
  };
}

/** Default-resolver semantics (call functions with args) plus a rough count of objects for actualQueryCost. */
export const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, ctx, info) => {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[info.fieldName] : undefined;
  const value: unknown = typeof raw === 'function' ? (raw as (...a: unknown[]) => unknown).call(source, args, ctx, info) : raw;
  const named = getNamedType(info.returnType);
  if (value != null && 'getFields' in named) {
    if (named.name.endsWith('Connection')) ctx.actualCost += 2;
    else if (!named.name.endsWith('Edge') && named.name !== 'PageInfo' && named.name !== 'MoneyV2') {
      ctx.actualCost += Array.isArray(value) ? value.length : 1;
    }
  }
  return value === undefined ? null : value;
};
