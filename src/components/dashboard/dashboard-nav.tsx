'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentNavHref } from './current-nav-href';

/** The dashboard's tabs: they wrap on a phone (never cut off) and mark the current page for eyes and screen readers. */
export function DashboardNav({ links }: { links: ReadonlyArray<{ label: string; href: string }> }) {
  const current = currentNavHref(
    usePathname() ?? '',
    links.map((l) => l.href),
  );
  return (
    <nav aria-label="Dashboard" className="mx-auto max-w-6xl px-4">
      <ul className="flex flex-wrap gap-x-1">
        {links.map(({ label, href }) => {
          const active = href === current;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={`inline-block min-h-10 whitespace-nowrap border-b-4 px-3 py-2 text-sm font-medium hover:bg-blue-50 ${
                  active ? 'border-blue-700 text-slate-900' : 'border-transparent text-blue-800'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
