import { localDateTime } from '@/domain/analytics/shop-days';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forMerchantPage, readShopAccess } from '@/server/http/next-merchant-request';
import { viewTranscript } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ shop: string; id: string }> };

/** One chat, as the shopper saw it (emails they typed were masked before storage). */
export default async function TranscriptPage({ params }: Props) {
  const { shop, id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const t = await forMerchantPage(async () => {
    const { services, access } = await readShopAccess(shop);
    return viewTranscript(services, access, id);
  });
  return (
    <div className="space-y-4">
      <Link
        href={`/dashboard/${encodeURIComponent(shop)}/conversations`}
        className="inline-block py-1 text-sm font-medium text-blue-800 underline underline-offset-2"
      >
        ← All conversations
      </Link>
      <h1 className="text-2xl font-bold text-slate-900">
        Chat of {localDateTime(t.conversation.createdAt, t.timeZone)} <span className="text-base font-normal text-slate-700">({t.timeZone})</span>
      </h1>
      <p className="text-slate-700">
        Door: {t.conversation.door} · Language: {t.conversation.language} · Status: {t.conversation.status}
        {t.handoffs.map((h, i) => (
          <span key={i}> · Hand-off requested: {h.reason}</span>
        ))}
      </p>
      <ol className="space-y-3">
        {t.messages.map((m) => (
          <li
            key={m.id}
            className={`max-w-prose rounded-xl px-4 py-2 ${m.role === 'shopper' ? 'ml-auto bg-blue-50 text-blue-950' : 'bg-white text-slate-900 shadow-sm'}`}
          >
            <p className="text-xs font-semibold">
              {m.role === 'shopper' ? 'Shopper' : 'Assistant'} · <time dateTime={m.createdAt}>{m.createdAt.slice(11, 16)}</time>
            </p>
            <p className="whitespace-pre-wrap">{m.text}</p>
            {m.cards.map((c, i) =>
              c.type === 'order' ? (
                <p key={i} className="text-sm text-slate-700">
                  Order card: {c.order.orderName} ({c.order.status})
                </p>
              ) : null,
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
