type Journey = { at: string; label: string };
type Question = { at: Date | string; door: string };

/** One time axis: the order's Shopify journey above the line (blue), shopper questions below it (amber). */
export function OrderTimelineChart({ journey, questions }: { journey: Journey[]; questions: Question[] }) {
  const times = [...journey.map((j) => Date.parse(j.at)), ...questions.map((q) => new Date(q.at).getTime())].filter(Number.isFinite);
  if (times.length === 0) return null;
  const min = Math.min(...times);
  const max = Math.max(min + 3600_000, ...times);
  const width = 640;
  const x = (t: number) => 20 + ((t - min) / (max - min)) * (width - 40);
  const day = (t: number) => new Date(t).toISOString().slice(5, 10);
  const summary = `Timeline from ${new Date(min).toISOString().slice(0, 10)} to ${new Date(max).toISOString().slice(0, 10)}: ${journey.length} order events, ${questions.length} shopper questions`;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} 150`} className="h-auto w-full">
      <line x1={20} x2={width - 20} y1={75} y2={75} stroke="#94a3b8" strokeWidth={2} />
      {journey.map((j, i) => {
        const t = Date.parse(j.at);
        return (
          <g key={`j${i}`}>
            <circle cx={x(t)} cy={75} r={6} fill="#1d4ed8" />
            <text x={x(t)} y={18 + (i % 3) * 18} textAnchor={x(t) < 110 ? 'start' : x(t) > width - 110 ? 'end' : 'middle'} fontSize="11" fill="#0f172a">
              {j.label.length > 18 ? `${j.label.slice(0, 17)}…` : j.label}
            </text>
          </g>
        );
      })}
      {questions.map((q, i) => {
        const t = new Date(q.at).getTime();
        return <rect key={`q${i}`} x={x(t) - 5} y={84} width={10} height={10} transform={`rotate(45 ${x(t)} 89)`} fill="#b45309" />;
      })}
      <text x={20} y={140} fontSize="11" fill="#334155">
        {day(min)}
      </text>
      <text x={width - 20} y={140} textAnchor="end" fontSize="11" fill="#334155">
        {day(max)}
      </text>
      <text x={width / 2} y={122} textAnchor="middle" fontSize="11" fill="#92400e">
        ◆ shopper asked
      </text>
    </svg>
  );
}
