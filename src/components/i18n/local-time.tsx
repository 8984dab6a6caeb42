import { useLocale } from 'next-intl';
import { formatMoment, formatRelativeAge, parseTime } from '@/domain/tracking/format-time';

type Props = {
  /** ISO instant from the order view. */
  at: string;
  /** The shop's zone (the view's `timeZone`). */
  timeZone: string;
  kind: 'datetime' | 'day' | 'date';
  /** The view's own display string, for an instant that does not parse. */
  fallback: string;
};

/** An instant of an order in the shopper's language and the shop's time zone, machine-readable in `dateTime`. */
export function LocalTime({ at, timeZone, kind, fallback }: Props) {
  const locale = useLocale();
  return <time dateTime={at}>{formatMoment(at, timeZone, locale, kind) ?? fallback}</time>;
}

/** How long ago an instant was, in the shopper's language (`vor 3 Tagen`, `3 日前`); under a minute, the view's own words. */
export function LocalAge({ at, fallback }: { at: string; fallback: string }) {
  const locale = useLocale();
  const time = parseTime(at);
  return <>{(time && formatRelativeAge(time, new Date(), locale)) ?? fallback}</>;
}
