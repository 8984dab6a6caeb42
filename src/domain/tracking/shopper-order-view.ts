import { z } from 'zod';
import { ORDER_STATUS_CATEGORIES, SHIPMENT_STATUS_CATEGORIES } from './status-categories';

/**
 * The shopper-safe view of an order: the only order data any door (widget, tracking page, deep link) or the
 * language model ever sees. It holds no street address, phone, payment details or full email, and no HTML:
 * every string is plain text that renderers must escape. It crosses boundaries (cache, DB snapshot, tRPC, model
 * tool output), so it is validated with this schema wherever it is read back. Bump `version` on breaking change.
 */
export const SHOPPER_ORDER_VIEW_VERSION = 1;

const isoTime = z.string().min(1);
const moment = z.object({ at: isoTime, display: z.string() });
const money = z.object({ amount: z.string(), currencyCode: z.string() });
const itemSchema = z.object({ title: z.string(), variantTitle: z.string().nullable(), quantity: z.number().int().nonnegative() });

export const shipmentViewSchema = z.object({
  id: z.string(),
  /** `Package 1 of 2` style label, stable across refreshes. */
  label: z.string(),
  status: z.enum(SHIPMENT_STATUS_CATEGORIES),
  /** Plain words for the status: `Out for delivery`, `Shipping label created`. */
  statusLabel: z.string(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** https only; null when there is no safe link (the UI then shows `trackingNote`). */
  trackingUrl: z.string().nullable(),
  /** `No tracking yet` / `Tracking number only, no tracking link` when that is the honest state, else null. */
  trackingNote: z.string().nullable(),
  latestEvent: z
    .object({
      status: z.string(),
      label: z.string(),
      message: z.string().nullable(),
      location: z.string().nullable(),
      at: isoTime,
      display: z.string(),
      age: z.string(),
    })
    .nullable(),
  /** Hidden (null) once the date has passed or the parcel is delivered. */
  estimatedDelivery: moment.nullable(),
  deliveredAt: moment.nullable(),
  possiblyDelayed: z.boolean(),
  delayReason: z.enum(['carrier_reported', 'no_recent_scan']).nullable(),
  items: z.array(itemSchema),
});

export const timelineEntrySchema = z.object({
  kind: z.enum(['placed', 'paid', 'prepared', 'shipped', 'carrier_update', 'out_for_delivery', 'delivered', 'delivery_problem', 'cancelled', 'refunded']),
  label: z.string(),
  detail: z.string().nullable(),
  at: isoTime,
  display: z.string(),
  shipmentId: z.string().nullable(),
});

export const shopperOrderViewSchema = z.object({
  version: z.literal(SHOPPER_ORDER_VIEW_VERSION),
  orderId: z.string(),
  orderName: z.string(),
  placedAt: moment,
  status: z.enum(ORDER_STATUS_CATEGORIES),
  headline: z.string(),
  message: z.string(),
  customerFirstName: z.string().nullable(),
  destination: z.object({ city: z.string().nullable(), country: z.string().nullable() }).nullable(),
  maskedEmail: z.string().nullable(),
  total: money.nullable(),
  items: z.array(itemSchema),
  shipments: z.array(shipmentViewSchema),
  /** `1 of 2 packages delivered`, `2 packages on the way, 1 item not shipped yet`; null before anything shipped. */
  shipmentSummary: z.string().nullable(),
  /** Items the store has not shipped yet (physical items only). */
  unshippedItemCount: z.number().int().nonnegative(),
  refund: z.object({ kind: z.enum(['full', 'partial']), amount: money.nullable(), note: z.string() }).nullable(),
  cancellation: z.object({ at: isoTime, display: z.string(), note: z.string() }).nullable(),
  /**
   * How the order reaches the shopper when it is not plain shipping: local delivery (with its window) or pickup
   * (the store location and from when). Absent on views built before it existed.
   */
  delivery: z
    .object({
      method: z.enum(['shipping', 'local_delivery', 'pickup']),
      location: z.string().nullable(),
      window: z.object({ from: isoTime, to: isoTime.nullable(), display: z.string() }).nullable(),
    })
    .nullish(),
  /** Oldest first. Display strings are in `timeZone`. */
  timeline: z.array(timelineEntrySchema),
  freshness: z.object({ lastCarrierUpdateAt: isoTime.nullable(), text: z.string().nullable() }),
  timeZone: z.string(),
  /** When this view was built from Shopify data (for "as of …" on stale answers). */
  generatedAt: isoTime,
});

export type ShopperOrderView = z.infer<typeof shopperOrderViewSchema>;
export type ShipmentView = z.infer<typeof shipmentViewSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type ViewItem = z.infer<typeof itemSchema>;
