/**
 * The language-model port, shaped like chat completions with tool calling but free of any SDK, so the
 * agent can be tested against a scripted server and the adapter lives in src/server/agent.
 */
export type ModelToolCall = { id: string; name: string; arguments: string };

export type ModelMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ModelToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export type ModelToolDefinition = { name: string; description: string; parameters: Record<string, unknown> };

export type ModelCompletion = { text: string; toolCalls: ModelToolCall[] };

export interface ModelBackend {
  /** One completion; text deltas go to onDelta as they arrive. Throws on any failure (the caller falls back). */
  complete(request: {
    messages: ModelMessage[];
    tools: ModelToolDefinition[];
    signal: AbortSignal;
    onDelta?: (text: string) => void;
  }): Promise<ModelCompletion>;
}
