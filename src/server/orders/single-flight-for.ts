import { randomUUID } from 'node:crypto';
import { createSingleFlight, type FlightLocks, type SingleFlight } from '@/domain/orders/single-flight';
import type { KeyValueStore } from '../cache/key-value-store';

/**
 * Locks in the shared store, each holding its owner's id so a winner whose lock already expired never
 * releases the lock a later winner now holds (best effort: get-then-delete is not atomic, the TTL bounds it).
 */
export function storeFlightLocks(store: KeyValueStore): FlightLocks {
  const owned = new Map<string, string>();
  return {
    async acquire(key, ttlMs) {
      const id = randomUUID();
      const won = await store.setIfAbsent(key, id, ttlMs);
      if (won) owned.set(key, id);
      return won;
    },
    async release(key) {
      const id = owned.get(key);
      owned.delete(key);
      if (id && (await store.get(key)) === id) await store.delete(key);
    },
    async isHeld(key) {
      return (await store.get(key)) !== null;
    },
  };
}

// Keyed by the store so that two sets of services in one process (tests, the bench) act as two instances.
const flights = new WeakMap<KeyValueStore, SingleFlight>();

/** The single-flight of this process for one shared store. */
export function singleFlightFor(store: KeyValueStore): SingleFlight {
  let flight = flights.get(store);
  if (!flight) {
    flight = createSingleFlight({ locks: storeFlightLocks(store), now: Date.now });
    flights.set(store, flight);
  }
  return flight;
}
