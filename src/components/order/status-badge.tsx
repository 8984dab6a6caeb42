import type { ShopperOrderView } from '@/domain/tracking/shopper-order-view';

type Tone = 'good' | 'moving' | 'waiting' | 'problem' | 'ended';

const TONE_BY_STATUS: Record<ShopperOrderView['status'], Tone> = {
  payment_pending: 'waiting',
  confirmed: 'waiting',
  on_hold: 'waiting',
  payment_problem: 'problem',
  partially_shipped: 'moving',
  shipped: 'moving',
  in_transit: 'moving',
  out_for_delivery: 'moving',
  attempted_delivery: 'problem',
  ready_for_pickup: 'good',
  partially_delivered: 'moving',
  delivered: 'good',
  delivery_problem: 'problem',
  cancelled: 'ended',
  refunded: 'ended',
  digital: 'good',
};

// Dark text on a pale tint: every pair is above 7:1, so the badge never depends on the brand colour.
const TONE_CLASSES: Record<Tone, string> = {
  good: 'bg-green-100 text-green-900 ring-green-700/30',
  moving: 'bg-blue-100 text-blue-900 ring-blue-700/30',
  waiting: 'bg-amber-100 text-amber-900 ring-amber-700/30',
  problem: 'bg-red-100 text-red-900 ring-red-700/30',
  ended: 'bg-slate-200 text-slate-900 ring-slate-700/30',
};

/**
 * The order's headline (`On its way`) as a coloured pill; colour is never the only signal, the words are there.
 * `attention` (a delay or a delivery problem) overrides the status's tone, so a stuck parcel is never blue.
 */
export function StatusBadge({ status, label, attention }: { status: ShopperOrderView['status']; label: string; attention?: 'delayed' | 'problem' }) {
  const tone: Tone = attention === 'problem' ? 'problem' : attention === 'delayed' ? 'waiting' : TONE_BY_STATUS[status];
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${TONE_CLASSES[tone]}`}>{label}</span>;
}
