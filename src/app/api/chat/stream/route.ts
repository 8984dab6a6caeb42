import { getLogger, getServices } from '@/server/services';
import { readChatSender, streamChat } from '@/server/http/chat-stream';
import { describeError } from '@/server/logger';

export const dynamic = 'force-dynamic';

/** Streaming form of chat.send (server-sent events); see docs/api.md. */
export async function POST(req: Request): Promise<Response> {
  const services = await getServices();
  const sender = readChatSender(services, req.headers);
  const body: unknown = await req.json().catch(() => null);
  return streamChat(services, sender, body, (error) => getLogger().error('chat stream failed', describeError(error)));
}
