/** A label's horizontal box in the chart, and the lane (row above the axis) it is drawn in. */
export type PlacedLabel = { text: string; x: number; left: number; right: number; anchor: 'start' | 'middle' | 'end'; lane: number };

/** An estimate that errs wide: the average glyph of a system sans-serif is ~0.6 em. */
export const labelWidth = (text: string, fontSize: number) => Math.ceil(text.length * fontSize * 0.62);

/**
 * Places one label per point so no two overlap: each label is centred on its point (pinned to the edge near the
 * ends), then goes into the first lane where it clears the previous label by `gap`; a new lane opens when none fits.
 * Points must be sorted by x.
 */
export function placeTimelineLabels(
  points: ReadonlyArray<{ x: number; text: string }>,
  { width, fontSize, gap = 8, maxChars = 24 }: { width: number; fontSize: number; gap?: number; maxChars?: number },
): PlacedLabel[] {
  const laneEnds: number[] = [];
  return points.map(({ x, text: full }) => {
    const text = full.length > maxChars ? `${full.slice(0, maxChars - 1)}…` : full;
    const w = labelWidth(text, fontSize);
    let left = x - w / 2;
    let anchor: PlacedLabel['anchor'] = 'middle';
    if (left < 0) [left, anchor] = [Math.max(0, x - 4), 'start'];
    if (left + w > width) [left, anchor] = [Math.min(width, x + 4) - w, 'end'];
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = left + w;
    return { text, x, left, right: left + w, anchor, lane };
  });
}
