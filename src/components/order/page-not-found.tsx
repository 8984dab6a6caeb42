import { getTranslations } from 'next-intl/server';

/** A shopper route that does not exist (an unknown shop, an order id this browser may not open), in the shopper's language. */
export async function PageNotFound() {
  const t = await getTranslations('ui.notFound');
  return (
    <div className="mx-auto max-w-xl space-y-3 px-4 py-10 text-slate-900">
      <h1 className="text-xl font-bold">{t('title')}</h1>
      <p>{t('text')}</p>
    </div>
  );
}
