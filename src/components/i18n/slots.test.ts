import { describe, expect, it } from 'vitest';
import { fillSlots, slot, splitAtSlot } from './slots';

describe('slots', () => {
  it('fills each named slot with its value, verbatim (no $-patterns, no ICU)', () => {
    expect(fillSlots(`Commande ${slot('name')} : ${slot('headline')}.`, { name: '#1001', headline: 'Livrée $& {x}' })).toBe('Commande #1001 : Livrée $& {x}.');
  });

  it('leaves a slot without a value as it is', () => {
    expect(fillSlots('Order {name}: {headline}.', { name: '#7' })).toBe('Order #7: {headline}.');
  });

  it('splits around one slot, and keeps the whole text when the slot is missing', () => {
    expect(splitAtSlot('Sie können es in {clock} erneut versuchen.', 'clock')).toEqual(['Sie können es in ', ' erneut versuchen.']);
    expect(splitAtSlot('{clock} 後にもう一度お試しください。', 'clock')).toEqual(['', ' 後にもう一度お試しください。']);
    expect(splitAtSlot('Try again later.', 'clock')).toEqual(['Try again later.', '']);
  });
});
