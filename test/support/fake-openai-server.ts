import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted model turn: text, tool calls, an HTTP failure, or a delay (for timeouts). */
export type FakeTurn = {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: unknown; id?: string }>;
  status?: number;
  delayMs?: number;
};
export type FakeChatRequest = {
  model: string;
  stream: boolean;
  messages: Array<{
    role: string;
    content?: string | null;
    tool_call_id?: string;
    tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
  }>;
  tools?: Array<{ function: { name: string } }>;
};
export type ScriptedTurn = FakeTurn | ((request: FakeChatRequest) => FakeTurn);

export type FakeOpenAi = {
  /** Base URL for the SDK (`OPENAI_BASE_URL`), ending in `/v1`. */
  url: string;
  requests: FakeChatRequest[];
  /** Queues turns; each chat completion request takes the next one (then `fallback`). */
  script(...turns: ScriptedTurn[]): void;
  reset(): void;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunk(id: string, model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

function writeTurn(res: ServerResponse, request: FakeChatRequest, turn: FakeTurn, sequence: number) {
  const id = `chatcmpl-fake-${sequence}`;
  const toolCalls = (turn.toolCalls ?? []).map((call, index) => ({
    index,
    id: call.id ?? `call_${sequence}_${index}`,
    type: 'function',
    function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}) },
  }));
  const finish = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  if (!request.stream) {
    const message = {
      role: 'assistant',
      content: turn.content ?? null,
      ...(toolCalls.length ? { tool_calls: toolCalls.map((c) => ({ id: c.id, type: c.type, function: c.function })) } : {}),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created: 0,
        model: request.model,
        choices: [{ index: 0, message, finish_reason: finish }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk(id, request.model, { role: 'assistant', content: '' }));
  const text = turn.content ?? '';
  for (let at = 0; at < text.length; at += 12) res.write(chunk(id, request.model, { content: text.slice(at, at + 12) }));
  for (const call of toolCalls) {
    // Like the real API: name and id first, arguments in pieces.
    res.write(
      chunk(id, request.model, { tool_calls: [{ index: call.index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }),
    );
    const args = call.function.arguments;
    for (let at = 0; at < args.length; at += 16)
      res.write(chunk(id, request.model, { tool_calls: [{ index: call.index, function: { arguments: args.slice(at, at + 16) } }] }));
  }
  res.write(chunk(id, request.model, {}, finish));
  res.end('data: [DONE]\n\n');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A local OpenAI-compatible server for tests and benchmarks: `POST /v1/chat/completions` answers from a
 * script of turns (plain JSON or streamed SSE, with tool calls), records every request, and can fail or
 * stall on demand.
 */
export async function startFakeOpenAi(options: { fallback?: FakeTurn } = {}): Promise<FakeOpenAi> {
  const queue: ScriptedTurn[] = [];
  const requests: FakeChatRequest[] = [];
  let sequence = 0;
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const request = JSON.parse(await readBody(req)) as FakeChatRequest;
      requests.push(request);
      const next = queue.shift() ?? options.fallback ?? { content: 'I can help with your order.' };
      const turn = typeof next === 'function' ? next(request) : next;
      if (turn.delayMs) await sleep(turn.delayMs);
      if (res.destroyed) return;
      if (turn.status && turn.status >= 400) {
        res
          .writeHead(turn.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      writeTurn(res, request, turn, (sequence += 1));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...turns) => void queue.push(...turns),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
