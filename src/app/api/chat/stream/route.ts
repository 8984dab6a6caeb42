import { getServices } from '@/server/services';
import { readChatSender, streamChat } from '@/server/http/chat-stream';
import { createLogger, describeError } from '@/server/logger';

export const dynamic = 'force-dynamic';
const logger = createLogger();

/** Streaming form of chat.send (server-sent events); see docs/api.md. */
export async function POST(req: Request): Promise<Response> {
  const services = await getServices();
  const sender = readChatSender(services, req.headers);
  const body: unknown = await req.json().catch(() => null);
  return streamChat(services, sender, body, (error) => logger.error('chat stream failed', describeError(error)));
}
