/** Relay-style connections with opaque base64 cursors, as Shopify returns them. */
import { GraphQLError } from 'graphql';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(payload: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new GraphQLError('Invalid cursor for current pagination sort.', { extensions: { code: 'BAD_REQUEST' } });
}

export const MAX_PAGE_SIZE = 250;

/**
 * Paginates already-sorted items. `keyOf` gives each item's id and sort value; cursors carry both so a
 * cursor whose item disappeared still resumes at the right place (keyset fallback).
 */
export function paginate<T>(sorted: T[], args: PageArgs, keyOf: (item: T) => { id: number; value: string | number }, requirePageSize = false): Connection<T> {
  const { first, last, after, before } = args;
  if (requirePageSize && first == null && last == null) {
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  }
  for (const [name, n] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The value of the argument \`${name}\` must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_REQUEST' } });
    }
  }
  const items = args.reverse ? [...sorted].reverse() : sorted;
  const position = (cursor: string): number => {
    const c = decodeCursor(cursor);
    const idx = items.findIndex((it) => keyOf(it).id === c.last_id);
    if (idx >= 0) return idx;
    const cmp = (it: T): number => {
      const k = keyOf(it);
      const v = c.last_value as string | number;
      return k.value < v ? -1 : k.value > v ? 1 : k.id - Number(c.last_id);
    };
    // Keyset fallback: first item sorting after the cursor, minus a half step.
    const dir = args.reverse ? -1 : 1;
    const next = items.findIndex((it) => cmp(it) * dir > 0);
    return (next === -1 ? items.length : next) - 0.5;
  };
  let start = 0;
  let end = items.length;
  if (after) start = Math.floor(position(after) + 1);
  if (before) end = Math.ceil(position(before));
  let slice = items.slice(start, Math.max(start, end));
  let hasNextPage = end < items.length;
  let hasPreviousPage = start > 0;
  if (first != null) {
    hasNextPage = hasNextPage || slice.length > first;
    slice = slice.slice(0, first);
  }
  if (last != null) {
    hasPreviousPage = hasPreviousPage || slice.length > last;
    slice = slice.slice(Math.max(0, slice.length - last));
  }
  const cursorOf = (it: T): string => {
    const k = keyOf(it);
    return encodeCursor({ last_id: k.id, last_value: k.value });
  };
  const edges = slice.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    nodes: slice,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
