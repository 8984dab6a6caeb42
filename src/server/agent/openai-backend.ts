import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { ModelBackend, ModelMessage, ModelToolCall } from '@/domain/agent/model-backend';

export type OpenAiBackendOptions = { apiKey: string; baseURL?: string; model: string; timeoutMs: number };

function toOpenAiMessage(message: ModelMessage): ChatCompletionMessageParam {
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (message.role === 'assistant') {
    return {
      role: 'assistant',
      content: message.content,
      ...(message.toolCalls?.length
        ? {
            tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
          }
        : {}),
    };
  }
  return { role: message.role, content: message.content };
}

/**
 * The model back end over the official SDK: chat completions with tools, always streamed so text deltas
 * reach the widget as they come. No SDK retries: a slow or failing model falls back to the engine instead.
 */
export function createOpenAiBackend(options: OpenAiBackendOptions): ModelBackend {
  const client = new OpenAI({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), maxRetries: 0, timeout: options.timeoutMs });
  return {
    async complete({ messages, tools, signal, onDelta }) {
      const stream = await client.chat.completions.create(
        {
          model: options.model,
          messages: messages.map(toOpenAiMessage),
          tools: tools.map((tool): ChatCompletionTool => ({
            type: 'function',
            function: { name: tool.name, description: tool.description, parameters: tool.parameters },
          })),
          stream: true,
          temperature: 0.2,
        },
        { signal },
      );
      let text = '';
      const calls = new Map<number, ModelToolCall>();
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta;
        if (!delta) continue;
        if (delta.content) {
          text += delta.content;
          if (calls.size === 0) onDelta?.(delta.content);
        }
        for (const part of delta.tool_calls ?? []) {
          const call = calls.get(part.index) ?? { id: '', name: '', arguments: '' };
          if (part.id) call.id = part.id;
          if (part.function?.name) call.name += part.function.name;
          if (part.function?.arguments) call.arguments += part.function.arguments;
          calls.set(part.index, call);
        }
      }
      const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }));
      return { text, toolCalls };
    },
  };
}
