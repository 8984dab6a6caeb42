import type { ReactNode } from 'react';
import { BarChart, DOOR_COLORS, DOOR_LABELS, FunnelChart, formatNumber, formatPercent, VolumeChart } from '@/components/dashboard/charts';
import { Card, DataTable } from '@/components/dashboard/data-table';
import { FUNNEL_HELP } from '@/domain/analytics/wismo-funnel';
import { PROACTIVE_HELP } from '@/domain/analytics/proactive-answers';
import { FUNNEL_ORDER, overviewTables, type Table } from '@/server/dashboard/dashboard-tables';
import type { viewOverview } from '@/server/use-cases/dashboard/merchant-dashboard';

export type OverviewData = Awaited<ReturnType<typeof viewOverview>>;

function Kpi({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="min-w-0 break-words rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-xl font-bold text-slate-900 sm:text-2xl">{value}</dd>
      <dd className="text-sm text-slate-700">{detail}</dd>
    </div>
  );
}

/**
 * Every figure, chart and table of the overview, shared by the dashboard (`/dashboard/{shop}`) and its embedded
 * mode in Shopify admin (`/embedded`). Links differ per door, so the caller builds them: `exportHref` (absent =
 * no CSV links) and `orderLink` (a problem order's timeline).
 */
export function OverviewSections({
  o,
  exportHref,
  orderLink,
}: {
  o: OverviewData;
  exportHref?: (name: string) => string;
  orderLink: (orderName: string) => ReactNode;
}) {
  const tables = overviewTables(o);
  const table = (name: keyof typeof tables, t: Omit<Table, 'rows'> & { rows: ReactNode[][] } = tables[name]) => (
    <DataTable caption={t.caption} columns={t.columns} rows={t.rows} exportHref={exportHref?.(name)} />
  );
  const askedAbout = o.statusCategories.reduce((total, s) => total + s.count, 0);
  const deliveredShare = askedAbout ? (o.statusCategories.find((s) => s.category === 'delivered')?.count ?? 0) / askedAbout : null;
  const days = [...new Set(o.volume.map((v) => v.day))];
  const doors = [...new Set(o.volume.map((v) => v.door))];
  const counts = new Map(o.volume.map((v) => [`${v.day}|${v.door}`, v.count]));
  const resolvedShare = o.funnel.answered ? o.funnel.resolved / o.funnel.answered : null;

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" aria-label="Key figures">
        <Kpi label="Order-status questions" value={formatNumber(o.funnel.questions)} detail={`${o.range.from} to ${o.range.to}`} />
        <Kpi label="Resolved without a person" value={formatPercent(resolvedShare)} detail={`${o.funnel.resolved} of ${o.funnel.answered} answered`} />
        <Kpi label="Chats about order status" value={formatPercent(o.share.share)} detail={`${o.share.aboutOrderStatus} of ${o.share.conversations} chats`} />
        <Kpi label="Lookup success" value={formatPercent(o.lookups.successRate)} detail={`${o.lookups.succeeded} of ${o.lookups.attempted} attempts`} />
        <Kpi
          label="Answer time p50 / p95"
          value={o.answerTimes.p50 === null ? '–' : `${formatNumber(o.answerTimes.p50)} / ${formatNumber(o.answerTimes.p95)} ms`}
          detail={`${o.answerTimes.count} answers`}
        />
        <Kpi
          label="Cache hit rate"
          value={formatPercent(o.cache.hitRate)}
          detail={`${o.cache.shopifyCalls} Shopify calls · ${o.cache.throttled} throttled · ${o.cache.failed} failed`}
        />
      </dl>

      <Card
        title="The WISMO funnel"
        help={
          <dl className="grid gap-1 sm:grid-cols-2">
            {FUNNEL_ORDER.map((key) => (
              <div key={key}>
                <dt className="inline font-semibold text-slate-900">{FUNNEL_HELP[key].label}: </dt>
                <dd className="inline">{FUNNEL_HELP[key].help}</dd>
              </div>
            ))}
          </dl>
        }
      >
        <FunnelChart steps={FUNNEL_ORDER.map((key) => ({ label: FUNNEL_HELP[key].label, value: o.funnel[key] }))} />
        {table('funnel')}
        <dl aria-label="Proactive answers" className="mt-3 grid gap-2 text-sm text-slate-900 sm:grid-cols-2">
          {(['proactiveAnswers', 'answeredBeforeAsked'] as const).map((key) => (
            <div key={key}>
              <dt className="font-semibold">
                {PROACTIVE_HELP[key].label}: {formatNumber(o.proactive[key])}
              </dt>
              <dd className="text-slate-700">{PROACTIVE_HELP[key].help}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Volume by door">
          <VolumeChart days={days} doors={doors} counts={counts} />
          <ul className="flex flex-wrap gap-3 text-sm text-slate-900" aria-label="Legend">
            {doors.map((door) => (
              <li key={door} className="flex items-center gap-1">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: DOOR_COLORS[door] }} />
                {DOOR_LABELS[door] ?? door}
              </li>
            ))}
          </ul>
          <details>
            <summary className="cursor-pointer py-1 text-sm font-medium text-blue-800">Show the numbers</summary>
            {table('volume')}
          </details>
        </Card>
        <Card
          title="What shoppers asked about"
          help="Status of each order when it was shown. Many “delivered” answers point to a delivery email the shop could send."
        >
          {deliveredShare !== null && deliveredShare >= 0.2 && (
            <p className="rounded-md border-l-4 border-teal-700 bg-teal-50 px-3 py-2 text-sm text-slate-900">
              {formatPercent(deliveredShare)} of the orders shoppers asked about were already delivered: a delivery confirmation email could answer them first.
            </p>
          )}
          <BarChart
            title="Status categories"
            rows={o.statusCategories.map((s) => ({ label: s.category.replace(/_/g, ' '), value: s.count }))}
            color="#0f766e"
          />
          {table('status-categories')}
        </Card>
        <Card title="Verification failures by reason" help="Why a number and email did not prove an order (shoppers always see the same message).">
          <BarChart
            title="Failures by reason"
            rows={o.lookups.failuresByReason.map((f) => ({ label: f.reason.replace(/_/g, ' '), value: f.count }))}
            color="#b45309"
          />
          {table('failures')}
        </Card>
        <Card
          title="Time from order to first question"
          help={`Median ${o.orderAge.medianHours === null ? '–' : `${formatNumber(o.orderAge.medianHours / 24, 1)} days`} over ${o.orderAge.orders} orders.`}
        >
          <BarChart title="Order age at first question" rows={o.orderAge.buckets.map((b) => ({ label: b.label, value: b.count }))} color="#7c3aed" />
          {table('order-age')}
        </Card>
      </div>

      <Card title="Late and problem orders" help="From the last known state of each order we have seen. Reach out before the shopper asks again.">
        {table('problem-orders', {
          ...tables['problem-orders'],
          rows: tables['problem-orders'].rows.map(([name, ...rest]) => [orderLink(String(name)), ...rest]),
        })}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Carrier performance">{table('carriers')}</Card>
        <Card title={`Orders asked about more than once (${o.repeatOrders.total})`}>{table('repeat-orders')}</Card>
      </div>
    </>
  );
}
