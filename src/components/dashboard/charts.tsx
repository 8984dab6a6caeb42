/** Server-rendered SVG charts: each has an accessible name with its numbers and a visible table next to it. */

export const DOOR_COLORS: Record<string, string> = { widget: '#1d4ed8', page: '#0f766e', email_link: '#b45309', app_proxy: '#7c3aed', api: '#475569' };

export const formatPercent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 1000) / 10} %`);
export const formatNumber = (value: number | null, digits = 0) => (value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits }));

/** Horizontal bars, one per row, widths relative to the largest value. */
export function BarChart({
  title,
  rows,
  color = '#1d4ed8',
  unit = '',
}: {
  title: string;
  rows: Array<{ label: string; value: number; note?: string }>;
  color?: string;
  unit?: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 640;
  const summary = `${title}: ${rows.map((r) => `${r.label} ${formatNumber(r.value, 1)}${unit}`).join(', ') || 'no data'}`;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${Math.max(rowHeight, rows.length * rowHeight)}`} className="h-auto w-full max-w-2xl">
      {rows.map((row, index) => {
        const barWidth = ((width - labelWidth - 90) * row.value) / max;
        const y = index * rowHeight;
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#0f172a">
              {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
            </text>
            <rect x={labelWidth} y={y + 5} width={Math.max(barWidth, row.value > 0 ? 2 : 0)} height={18} rx={3} fill={color} />
            <text x={labelWidth + barWidth + 6} y={y + 18} fontSize="13" fill="#0f172a">
              {formatNumber(row.value, 1)}
              {unit}
              {row.note ? ` (${row.note})` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The funnel: each step a bar as wide as its share of the first step. */
export function FunnelChart({ steps }: { steps: Array<{ label: string; value: number }> }) {
  const first = Math.max(1, steps[0]?.value ?? 1);
  return <BarChart title="WISMO funnel" rows={steps.map((s) => ({ label: s.label, value: s.value, note: formatPercent(s.value / first) }))} />;
}

/** Stacked columns per day, one colour per door. */
export function VolumeChart({ days, doors, counts }: { days: string[]; doors: string[]; counts: Map<string, number> }) {
  const width = 640;
  const height = 200;
  const totals = days.map((day) => doors.reduce((sum, door) => sum + (counts.get(`${day}|${door}`) ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (width - 40) / Math.max(1, days.length);
  const summary = `Order-status questions per day: ${days.map((d, i) => `${d} ${totals[i]}`).join(', ') || 'none'}`;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height + 24}`} className="h-auto w-full">
      <line x1={36} x2={width} y1={height} y2={height} stroke="#94a3b8" />
      <text x={30} y={12} textAnchor="end" fontSize="11" fill="#334155">
        {max}
      </text>
      <text x={30} y={height} textAnchor="end" fontSize="11" fill="#334155">
        0
      </text>
      {days.map((day, i) => {
        let top = height;
        const x = 40 + i * slot;
        return (
          <g key={day}>
            {doors.map((door) => {
              const value = counts.get(`${day}|${door}`) ?? 0;
              const h = (value / max) * (height - 10);
              top -= h;
              return value > 0 ? (
                <rect key={door} x={x + slot * 0.15} y={top} width={Math.max(1, slot * 0.7)} height={h} fill={DOOR_COLORS[door] ?? '#475569'} />
              ) : null;
            })}
            {(days.length <= 14 || i % Math.ceil(days.length / 10) === 0) && (
              <text x={x + slot / 2} y={height + 16} textAnchor="middle" fontSize="10" fill="#334155">
                {day.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
