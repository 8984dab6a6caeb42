import { z } from 'zod';

/** The outer shape of every Admin GraphQL response; `data` is parsed by the caller. */
const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

export const costSchema = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: throttleStatusSchema.nullish(),
});

export const graphqlEnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string().optional(),
        extensions: z.object({ code: z.string().optional() }).nullish(),
      }),
    )
    .optional(),
  extensions: z.object({ cost: costSchema.nullish() }).nullish(),
});

export type GraphqlEnvelope = z.infer<typeof graphqlEnvelopeSchema>;
export type QueryCost = z.infer<typeof costSchema>;

/** `POST {apiOrigin}/admin/api/{version}/graphql.json`, keeping any path prefix of the origin. */
export function graphqlEndpoint(apiOrigin: string, apiVersion: string): string | null {
  let url: URL;
  try {
    url = new URL(apiOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const prefix = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${prefix}/admin/api/${encodeURIComponent(apiVersion)}/graphql.json`;
}

/** Seconds per HTTP (`Retry-After: 2.0`), as milliseconds; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value.trim());
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

/** How long until the shop's bucket holds `requested` points again, per Shopify's own reading. */
export function throttleWaitMs(cost: QueryCost | null | undefined, fallbackRequested: number): number {
  const status = cost?.throttleStatus;
  if (!status || status.restoreRate <= 0) return 1000;
  const requested = cost?.requestedQueryCost ?? fallbackRequested;
  return Math.max(0, Math.ceil(((requested - status.currentlyAvailable) / status.restoreRate) * 1000));
}
