import { readClientAddress, type ClientAddress, type ClientAddressPolicy } from './client-address';

export type ClientAddressHealth = {
  source: ClientAddressPolicy['kind'];
  /** The last requests' addresses (at most `sampleSize`): how many were unknown, how many distinct. */
  recent: { requests: number; unknown: number; distinct: number };
  /** Set when per-address limits cannot work as configured; null when nothing looks wrong. */
  warning: string | null;
};

export type ClientAddressReader = {
  read: (headers: Headers) => ClientAddress;
  health: () => ClientAddressHealth;
};

/**
 * readClientAddress with this process's policy, remembering the last requests' outcomes so /api/health can
 * say when the deployment cannot see its clients (nothing trusted, or a proxy that sends no address).
 */
export function createClientAddressReader(policy: ClientAddressPolicy, options: { sampleSize?: number; production?: boolean } = {}): ClientAddressReader {
  const sampleSize = options.sampleSize ?? 100;
  const recent: ClientAddress[] = [];
  return {
    read(headers) {
      const address = readClientAddress(headers, policy);
      recent.push(address);
      if (recent.length > sampleSize) recent.shift();
      return address;
    },
    health() {
      const unknown = recent.filter((address) => address === null).length;
      const distinct = new Set(recent.filter((address) => address !== null)).size;
      let warning: string | null = null;
      if (policy.kind === 'none' && options.production) {
        warning = 'TRUSTED_PROXIES and CLIENT_ADDRESS_HEADER are unset: client addresses are unknown, so per-address limits do not apply (see docs/deploy.md)';
      } else if (recent.length > 0 && unknown * 2 >= recent.length) {
        warning = `${unknown} of the last ${recent.length} requests had no trusted client address: per-address limits did not apply to them (check TRUSTED_PROXIES / CLIENT_ADDRESS_HEADER against your proxies)`;
      } else if (recent.length >= 50 && distinct === 1 && unknown === 0) {
        warning = `the last ${recent.length} requests all came from one address: if that is a proxy, TRUSTED_PROXIES trusts one proxy too few and all shoppers share one limit`;
      }
      return { source: policy.kind, recent: { requests: recent.length, unknown, distinct }, warning };
    },
  };
}
