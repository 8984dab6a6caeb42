import ipaddr from 'ipaddr.js';

/**
 * The client address, for per-address limits and keyed audit hashes only (never stored raw). `null` means
 * unknown: the per-address limits then do not apply, rather than putting every unknown client in one bucket.
 * IPv6 clients are reduced to their /64 (`2001:db8:1:2::/64`): one subscriber holds the whole /64.
 */
export type ClientAddress = string | null;

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Where the client address comes from (TRUSTED_PROXIES / CLIENT_ADDRESS_HEADER, see docs/deploy.md):
 * - `none`: trust nothing. Next.js does not show route handlers the socket's peer, and passes a client's own
 *   X-Forwarded-For through unchanged, so without a trusted proxy no address can be believed.
 * - `hops`: exactly N proxies in front, each appending the address it received the request from; the client
 *   is the N-th X-Forwarded-For entry from the right.
 * - `ranges`: the app is reachable only through proxies in these ranges; the client is the right-most entry
 *   not in them.
 * - `header`: a platform header holding exactly the client address (cf-connecting-ip, x-vercel-forwarded-for).
 */
export type ClientAddressPolicy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'ranges'; ranges: Range[] } | { kind: 'header'; header: string };

/** The range names proxy-addr (Express's `trust proxy`) understands. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const MAX_HOPS = 10;

function parseRange(entry: string): Range | null {
  const text = entry.includes('/') ? entry : `${entry}/${entry.includes(':') ? 128 : 32}`;
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return ipaddr.IPv4.parseCIDR(text);
  if (ipaddr.IPv6.isValidCIDR(text)) return ipaddr.IPv6.parseCIDR(text);
  return null;
}

/**
 * Reads the configuration. `trustedProxies`: empty (trust nothing), a hop count `1`…`10`, or a comma-separated
 * list of IPs, CIDRs and the names loopback, linklocal, uniquelocal. `header`: a header name; excludes the other.
 */
export function parseClientAddressPolicy(input: {
  trustedProxies?: string | undefined;
  header?: string | undefined;
}): { ok: true; policy: ClientAddressPolicy } | { ok: false; message: string } {
  const trusted = input.trustedProxies?.trim() ?? '';
  const header = input.header?.trim().toLowerCase() ?? '';
  if (header) {
    if (trusted && trusted !== '0') return { ok: false, message: 'set either CLIENT_ADDRESS_HEADER or TRUSTED_PROXIES, not both' };
    if (!/^[a-z0-9][a-z0-9-]*$/.test(header)) return { ok: false, message: `CLIENT_ADDRESS_HEADER is not a header name: ${header}` };
    return { ok: true, policy: { kind: 'header', header } };
  }
  if (trusted === '' || trusted === '0') return { ok: true, policy: { kind: 'none' } };
  if (/^\d+$/.test(trusted)) {
    const hops = Number(trusted);
    return hops <= MAX_HOPS ? { ok: true, policy: { kind: 'hops', hops } } : { ok: false, message: `TRUSTED_PROXIES hop count must be 0 to ${MAX_HOPS}` };
  }
  const ranges: Range[] = [];
  for (const entry of trusted.split(',').map((part) => part.trim().toLowerCase())) {
    const named = NAMED_RANGES[entry];
    const parsed = named ? named.map(parseRange) : [parseRange(entry)];
    if (parsed.some((range) => range === null))
      return { ok: false, message: `TRUSTED_PROXIES entry is not an IP address, a CIDR range, loopback, linklocal or uniquelocal: "${entry}"` };
    ranges.push(...(parsed as Range[]));
  }
  return { ok: true, policy: { kind: 'ranges', ranges } };
}

/**
 * One X-Forwarded-For entry or header value as an address: IPv4 (four decimal parts) or IPv6, optionally with
 * a port (`1.2.3.4:5678`, `[2001:db8::1]:443`, as some load balancers write). Anything else is null.
 */
function parseAddress(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  // Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d.
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

const inRanges = (address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) => ranges.some((range) => range[0].kind() === address.kind() && address.match(range));

/** The limit key: IPv4 as is, IPv6 as its /64 network. */
function toClientAddress(address: ipaddr.IPv4 | ipaddr.IPv6 | null): ClientAddress {
  if (!address) return null;
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts;
  return `${new ipaddr.IPv6([...parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client address of a request, as the policy allows; the one place every door reads it from. Null when
 * unknown: nothing trusted, a chain shorter than the configured proxies, a malformed entry where the client's
 * should be, or every entry a trusted proxy (a proxy's own address is never a shopper's).
 */
export function readClientAddress(headers: Headers, policy: ClientAddressPolicy): ClientAddress {
  if (policy.kind === 'none') return null;
  if (policy.kind === 'header') {
    const value = headers.get(policy.header);
    // Exactly one address: a list (or a repeated header) means something between us and the platform added one.
    return value === null || value.includes(',') ? null : toClientAddress(parseAddress(value));
  }
  // Next.js fills in X-Forwarded-For from the socket only when the request has none.
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
  if (chain.length === 1 && chain[0] === '') return null;
  if (policy.kind === 'hops') {
    const entry = chain[chain.length - policy.hops];
    return entry === undefined ? null : toClientAddress(parseAddress(entry));
  }
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const address = parseAddress(chain[index]!);
    if (!address) return null;
    if (!inRanges(address, policy.ranges)) return toClientAddress(address);
  }
  return null;
}
