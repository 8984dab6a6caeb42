import { createRequestContext } from '@/server/api/trpc';
import { streamChat } from '@/server/agent/stream-chat';
import { createLogger, describeError } from '@/server/logger';

export const dynamic = 'force-dynamic';
const logger = createLogger();

/** Streaming form of chat.send (server-sent events); see docs/api.md. */
export async function POST(req: Request): Promise<Response> {
  const ctx = await createRequestContext({ headers: req.headers, resHeaders: new Headers() });
  const body: unknown = await req.json().catch(() => null);
  return streamChat(ctx, body, (error) => logger.error('chat stream failed', describeError(error)));
}
