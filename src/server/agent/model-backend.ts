import type { ModelBackend } from '@/domain/agent/model-backend';
import type { Services } from '../services';
import { createOpenAiBackend } from './openai-backend';

const backends = new WeakMap<Services, ModelBackend | null>();

/** The language model when OPENAI_API_KEY is set, else null (the deterministic engine answers alone). */
export function modelBackendFor(services: Services): ModelBackend | null {
  if (!backends.has(services)) {
    const { env } = services;
    backends.set(
      services,
      env.OPENAI_API_KEY
        ? createOpenAiBackend({
            apiKey: env.OPENAI_API_KEY,
            model: env.OPENAI_MODEL,
            timeoutMs: env.OPENAI_TIMEOUT_MS,
            ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
          })
        : null,
    );
  }
  return backends.get(services) ?? null;
}
