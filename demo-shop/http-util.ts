/** Small node:http helpers shared by the API router and the control API. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LoggedRequest {
  at: string;
  shop: string | null;
  method: string;
  path: string;
  kind: 'graphql' | 'rest' | 'oauth' | 'other';
  status: number;
  throttled: boolean;
  durationMs: number;
  cost?: number;
  operationName?: string;
  query?: string;
  /** Injected fault, if any: `timeout` requests are logged with status 0. */
  fault?: 'throttle' | 'error' | 'timeout' | 'malformed';
  requestId?: string;
}

export const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** Shopify prints `maximumAvailable` / `restoreRate` as floats (`2000.0`), `currentlyAvailable` as an int. */
export function stringifyShopifyJson(body: unknown): string {
  return JSON.stringify(body).replace(/"(maximumAvailable|restoreRate)":(\d+)(?=[,}])/g, '"$1":$2.0');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, stringifyShopifyJson(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
