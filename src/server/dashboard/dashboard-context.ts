import 'server-only';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { appRouter } from '../api/root';
import { createCallerFactory, readClientAddress } from '../api/trpc';
import { getServices } from '../services';

const createCaller = createCallerFactory(appRouter);

/** The dashboard procedures for this request's Auth.js session (server components, actions, route handlers). */
export async function dashboardCaller() {
  const services = await getServices();
  const incoming = new Headers(await headers());
  return { services, headers: incoming, caller: createCaller({ services, headers: incoming, resHeaders: new Headers(), clientAddress: readClientAddress(incoming) }) };
}

/** Runs a dashboard call for a page: signed out → sign-in page, not a member → 404. */
export async function forPage<T>(run: (caller: ReturnType<typeof createCaller>) => Promise<T>): Promise<T> {
  const { caller } = await dashboardCaller();
  try {
    return await run(caller);
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') redirect('/dashboard');
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}

/** `?from=&to=` search params as the range input (invalid values fall back to the default range). */
export function rangeFromSearch(search: Record<string, string | string[] | undefined>): { from?: string; to?: string } {
  const pick = (key: string) => {
    const value = search[key];
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const from = pick('from');
  const to = pick('to');
  return from && to && from > to ? {} : { from, to };
}
