import { translator } from '../i18n/messages';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { enumKey } from './status-categories';

/** Carrier event statuses with their own words (status.event.*); label statuses share one wording. */
const EVENT_KEYS: Record<string, string> = {
  LABEL_PRINTED: 'LABEL_PRINTED',
  LABEL_PURCHASED: 'LABEL_PRINTED',
  CONFIRMED: 'CONFIRMED',
  SUBMITTED: 'SUBMITTED',
  CARRIER_PICKED_UP: 'CARRIER_PICKED_UP',
  IN_TRANSIT: 'IN_TRANSIT',
  DELAYED: 'DELAYED',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  ATTEMPTED_DELIVERY: 'ATTEMPTED_DELIVERY',
  READY_FOR_PICKUP: 'READY_FOR_PICKUP',
  PICKED_UP: 'PICKED_UP',
  DELIVERED: 'DELIVERED',
  FAILURE: 'FAILURE',
  NOT_DELIVERED: 'NOT_DELIVERED',
  RETURNING_TO_SENDER: 'RETURNING_TO_SENDER',
  BUYER_ACTION_REQUIRED: 'BUYER_ACTION_REQUIRED',
};

/** Plain words for a carrier event status in the shopper's language; unknown statuses read `Carrier update`. */
export function eventLabel(status: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  return translator(locale, 'status')(`event.${EVENT_KEYS[enumKey(status)] ?? 'UNKNOWN'}`);
}
