/** Tiny fetch helpers for tests and scripts that talk to a running demo shop. */
import type { DemoShop } from './server';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: {
      cost?: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
      search?: unknown[];
    };
  };
  text: string;
}

function tokenFor(demo: Pick<DemoShop, 'shops'>, domain: string): string {
  const shop = demo.shops.find((s) => s.domain === domain);
  if (!shop) throw new Error(`unknown demo shop ${domain}`);
  return shop.accessToken;
}

export async function graphqlRequest<T = Record<string, unknown>>(
  demo: Pick<DemoShop, 'url' | 'shops'>,
  domain: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; version?: string; signal?: AbortSignal } = {},
): Promise<GraphqlResponse<T>> {
  const res = await fetch(`${demo.url}/shops/${domain}/admin/api/${options.version ?? '2025-01'}/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Shopify-Access-Token': options.token ?? tokenFor(demo, domain) },
    body: JSON.stringify({ query, variables }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let body: GraphqlResponse<T>['body'] = {};
  try {
    body = JSON.parse(text) as GraphqlResponse<T>['body'];
  } catch {
    /* malformed on purpose, keep text */
  }
  return { status: res.status, headers: res.headers, body, text };
}

export async function restGet(
  demo: Pick<DemoShop, 'url' | 'shops'>,
  domain: string,
  pathAndQuery: string,
  options: { token?: string; version?: string; absolute?: boolean; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const url = options.absolute ? pathAndQuery : `${demo.url}/shops/${domain}/admin/api/${options.version ?? '2025-01'}/${pathAndQuery}`;
  const res = await fetch(url, {
    headers: { Accept: 'application/json', 'X-Shopify-Access-Token': options.token ?? tokenFor(demo, domain) },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Parses a REST `Link` header into `{ next?: url, previous?: url }`. */
export function parseLinkHeader(header: string | null): { next?: string; previous?: string } {
  const out: { next?: string; previous?: string } = {};
  for (const part of (header ?? '').split(', ')) {
    const m = /<([^<]+)>; rel="([^"]+)"/.exec(part);
    if (m && (m[2] === 'next' || m[2] === 'previous')) out[m[2]] = m[1];
  }
  return out;
}
