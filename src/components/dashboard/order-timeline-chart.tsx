import { localDay } from '@/domain/analytics/shop-days';
import { placeTimelineLabels } from './timeline-label-layout';

type Journey = { at: string; label: string };
type Question = { at: Date | string; door: string };
type Props = { journey: Journey[]; questions: Question[]; timeZone: string };

const FONT = 12;
const LANE = 19;

/** One drawing at one width: labels in lanes above the axis (never overlapping), shopper questions below it. */
function TimelineSvg({ journey, questions, timeZone, width, className }: Props & { width: number; className: string }) {
  const events = journey.map((j) => ({ t: Date.parse(j.at), label: j.label })).filter((e) => Number.isFinite(e.t));
  const asked = questions.map((q) => new Date(q.at).getTime()).filter(Number.isFinite);
  const times = [...events.map((e) => e.t), ...asked];
  const min = Math.min(...times);
  const max = Math.max(min + 3600_000, ...times);
  const pad = 12;
  const x = (t: number) => pad + ((t - min) / (max - min)) * (width - 2 * pad);
  const placed = placeTimelineLabels(
    events.sort((a, b) => a.t - b.t).map((e) => ({ x: x(e.t), text: e.label })),
    { width, fontSize: FONT },
  );
  const lanes = Math.max(1, ...placed.map((p) => p.lane + 1));
  const axis = lanes * LANE + 12;
  const height = axis + 58;
  const summary = `Timeline from ${localDay(new Date(min), timeZone)} to ${localDay(new Date(max), timeZone)}: ${placed.map((p) => p.text).join(', ')}; ${asked.length} shopper questions`;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} className={className}>
      <line x1={pad} x2={width - pad} y1={axis} y2={axis} stroke="#94a3b8" strokeWidth={2} />
      {/* Leader lines first, then the labels with a white halo over them: a line never crosses a word. */}
      {placed.map((p, i) => (
        <g key={i}>
          <line x1={p.x} x2={p.x} y1={axis - 9 - p.lane * LANE} y2={axis} stroke="#cbd5e1" strokeWidth={1} />
          <circle cx={p.x} cy={axis} r={5} fill="#1d4ed8" />
        </g>
      ))}
      {placed.map((p, i) => (
        <text
          key={i}
          x={p.anchor === 'start' ? p.left : p.anchor === 'end' ? p.right : p.x}
          y={axis - 12 - p.lane * LANE}
          textAnchor={p.anchor}
          fontSize={FONT}
          fill="#0f172a"
          stroke="#ffffff"
          strokeWidth={4}
          paintOrder="stroke"
        >
          {p.text}
        </text>
      ))}
      {asked.map((t, i) => (
        <rect key={i} x={x(t) - 5} y={axis + 9} width={10} height={10} transform={`rotate(45 ${x(t)} ${axis + 14})`} fill="#b45309" />
      ))}
      <text x={pad} y={axis + 40} fontSize={FONT} fill="#334155">
        {localDay(new Date(min), timeZone).slice(5)}
      </text>
      <text x={width / 2} y={axis + 40} textAnchor="middle" fontSize={FONT} fill="#92400e">
        ◆ shopper asked
      </text>
      <text x={width - pad} y={axis + 40} textAnchor="end" fontSize={FONT} fill="#334155">
        {localDay(new Date(max), timeZone).slice(5)}
      </text>
    </svg>
  );
}

/**
 * One time axis: the order's Shopify journey above the line (blue), shopper questions below it (amber). Drawn
 * once for desktop and once at phone scale, so its 12 px labels stay 12 px on a 390 px screen.
 */
export function OrderTimelineChart(props: Props) {
  const any = props.journey.some((j) => Number.isFinite(Date.parse(j.at))) || props.questions.length > 0;
  if (!any) return null;
  return (
    <>
      <TimelineSvg {...props} width={640} className="hidden h-auto w-full max-w-3xl sm:block" />
      <TimelineSvg {...props} width={340} className="h-auto w-full sm:hidden" />
    </>
  );
}
