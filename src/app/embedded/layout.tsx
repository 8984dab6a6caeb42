import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getEnv } from '@/env';

/** Shopify reads the app's client id from this meta tag; App Bridge needs it before it starts. */
export function generateMetadata(): Metadata {
  return { title: 'Dashboard', robots: { index: false }, other: { 'shopify-api-key': getEnv().SHOPIFY_API_KEY } };
}

/**
 * Embedded mode of the dashboard, served inside Shopify admin's iframe (docs/embedded.md). Only these pages load
 * App Bridge and may be framed (by the shop and Shopify admin: src/proxy.ts). App Bridge must load synchronously,
 * before any other script of ours; the root layout owns <head>, so it is the first element of the body here.
 */
export default function EmbeddedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- App Bridge refuses to run async or deferred */}
      <script src={getEnv().SHOPIFY_APP_BRIDGE_URL} />
      <div className="min-h-screen bg-slate-50">{children}</div>
    </>
  );
}
