import type { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/auth';

/**
 * Auth.js's handlers, plus one courtesy: when a magic link fails (used, expired), the error page is told which
 * shop the link was for (taken from our own callback path `/t/{shop}/claim/…`), so it can lead back there.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  const location = response.headers.get('location');
  const shop = /^\/t\/([a-z0-9.-]+)\/claim\//.exec(request.nextUrl.searchParams.get('callbackUrl') ?? '')?.[1];
  if (!location || !shop || !new URL(location, request.url).pathname.startsWith('/auth/error')) return response;
  const target = new URL(location, request.url);
  target.searchParams.set('shop', shop);
  const headers = new Headers(response.headers);
  headers.set('location', target.toString());
  return new Response(null, { status: response.status, headers });
}

export const { POST } = handlers;
