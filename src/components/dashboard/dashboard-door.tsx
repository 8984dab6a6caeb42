import Link from 'next/link';
import type { ComponentType, ReactNode } from 'react';

/**
 * How a dashboard page body links within its door: the magic-link dashboard (`/dashboard/{shop}/…`, next/link) or
 * its embedded mode in Shopify admin (`/embedded/…?shop=&host=&embedded=1`, plain links so every load gets a fresh
 * session token). Bodies take one and never build a URL themselves.
 */
export type DashboardDoor = {
  /** A section of this shop's dashboard, with extra query parameters. */
  href: (section: DashboardSection, extra?: Record<string, string>) => string;
  /** One conversation's transcript. */
  transcriptHref: (conversationId: string) => string;
  /** A CSV export (`overview tables`, `conversations`, `audit`) of a date range. */
  exportHref: (table: string, range: { from: string; to: string }) => string;
  /** Hidden fields every GET form of this door carries. */
  hidden: Record<string, string>;
  Anchor: ComponentType<{ href: string; className?: string; children: ReactNode }>;
};

export type DashboardSection = 'overview' | 'orders' | 'conversations' | 'audit' | 'settings';

/** Hidden inputs for a GET form of this door. */
export function DoorFields({ door }: { door: DashboardDoor }) {
  return (
    <>
      {Object.entries(door.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

const SECTION_PATHS: Record<DashboardSection, string> = {
  overview: '',
  orders: '/orders',
  conversations: '/conversations',
  audit: '/audit',
  settings: '/settings',
};

/** The magic-link dashboard's door for one shop: `/dashboard/{shop}/…`, client-side navigation. */
export function dashboardDoor(shop: string): DashboardDoor {
  const base = `/dashboard/${encodeURIComponent(shop)}`;
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const query = new URLSearchParams(extra).toString();
    return query ? `${path}?${query}` : path;
  };
  return {
    href: (section, extra) => withQuery(`${base}${SECTION_PATHS[section]}`, extra),
    transcriptHref: (id) => `${base}/conversations/${encodeURIComponent(id)}`,
    exportHref: (table, range) => withQuery(`${base}/export/${table}.csv`, { from: range.from, to: range.to }),
    hidden: {},
    Anchor: Link,
  };
}

/**
 * The embedded door (Shopify admin): `/embedded/…` carrying `carried` (shop, host, embedded=1; never the session
 * token, which App Bridge hands each load), plain links so each navigation is a full load with a fresh token.
 */
export function embeddedDoor(carried: Record<string, string>): DashboardDoor {
  const withQuery = (path: string, extra: Record<string, string> = {}) => `${path}?${new URLSearchParams({ ...carried, ...extra }).toString()}`;
  return {
    href: (section, extra) => withQuery(`/embedded${SECTION_PATHS[section]}`, extra),
    transcriptHref: (id) => withQuery(`/embedded/conversations/${encodeURIComponent(id)}`),
    exportHref: (table, range) => withQuery(`/embedded/export/${table}.csv`, { from: range.from, to: range.to }),
    hidden: carried,
    Anchor: PlainAnchor,
  };
}

function PlainAnchor({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}
