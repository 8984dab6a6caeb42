import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getEnv } from '@/env';

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false } };

/**
 * Embedded mode of the dashboard, served inside Shopify admin's iframe (docs/embedded.md). Only these pages load
 * App Bridge and may be framed (by the shop and Shopify admin: src/proxy.ts). App Bridge reads our client id from
 * the `shopify-api-key` meta tag and must load synchronously, before any script of ours. The root layout owns
 * <head>, so the meta is rendered here (React hoists it into <head>, ahead of anything in the body; Next's
 * metadata API may stream it later) and the script is the first element of the body.
 */
export default function EmbeddedLayout({ children }: { children: ReactNode }) {
  const env = getEnv();
  return (
    <>
      <meta name="shopify-api-key" content={env.SHOPIFY_API_KEY} />
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- App Bridge refuses to run async or deferred */}
      <script src={env.SHOPIFY_APP_BRIDGE_URL} />
      <div className="min-h-screen bg-slate-50">{children}</div>
    </>
  );
}
