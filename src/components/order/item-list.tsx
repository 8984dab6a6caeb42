import type { ViewItem } from '@/domain/tracking/shopper-order-view';

/** Item titles as plain text (product titles are merchant data and may contain markup: React escapes it). */
export function ItemList({ items, className = '' }: { items: ViewItem[]; className?: string }) {
  return (
    <ul className={`space-y-0.5 text-sm text-slate-700 ${className}`}>
      {items.map((item, index) => (
        <li key={`${item.title}-${item.variantTitle ?? ''}-${index}`}>
          <span className="tabular-nums">{item.quantity} ×</span> {item.title}
          {item.variantTitle ? <span className="text-slate-600"> · {item.variantTitle}</span> : null}
        </li>
      ))}
    </ul>
  );
}
