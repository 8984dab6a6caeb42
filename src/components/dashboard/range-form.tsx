import { datePresets } from '@/domain/analytics/date-presets';

/**
 * The date range: preset links (last 7/30/90 days) and a plain GET form, so every view is a shareable URL. Days are
 * the shop's (`timeZone`).
 */
export function RangeForm({ from, to, timeZone, extra }: { from: string; to: string; timeZone?: string; extra?: Record<string, string> }) {
  const presets = datePresets(timeZone ?? 'UTC', new Date());
  const hrefOf = (range: { from: string; to: string }) => `?${new URLSearchParams({ ...extra, from: range.from, to: range.to })}`;
  return (
    <div className="space-y-2">
      <nav aria-label="Date presets">
        <ul className="flex flex-wrap gap-2">
          {presets.map((preset) => {
            const current = preset.from === from && preset.to === to;
            return (
              <li key={preset.days}>
                <a
                  href={hrefOf(preset)}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-flex min-h-10 items-center rounded-full border px-3 text-sm font-medium ${
                    current ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-400 bg-white text-blue-800 hover:bg-blue-50'
                  }`}
                >
                  {preset.label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
        {Object.entries(extra ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="text-sm font-medium text-slate-900">
          From
          <input type="date" name="from" defaultValue={from} className="mt-1 block min-h-10 rounded-md border border-slate-400 px-2" />
        </label>
        <label className="text-sm font-medium text-slate-900">
          To
          <input type="date" name="to" defaultValue={to} className="mt-1 block min-h-10 rounded-md border border-slate-400 px-2" />
        </label>
        <button type="submit" className="min-h-10 rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800">
          Show
        </button>
        {timeZone && <p className="w-full text-xs text-slate-700">Days in the shop&apos;s time zone, {timeZone}.</p>}
      </form>
    </div>
  );
}
