import OpenAI from "openai";
import type { Llm } from "../core/ports/llm.js";

/**
 * The Llm port on any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI's compatible route,
 * a local server). No SDK retries: a slow or failing model must fall back to retrieval quickly, not
 * keep a user waiting.
 */
export function createOpenAiLlm(options: { apiKey: string; baseUrl?: string; model: string }): Llm {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  return {
    async complete({ messages, temperature, maxTokens, timeoutMs }) {
      const completion = await client.chat.completions.create(
        { model: options.model, messages, temperature, max_tokens: maxTokens },
        { timeout: timeoutMs, maxRetries: 0 },
      );
      const content = completion.choices[0]?.message?.content;
      if (typeof content !== "string") throw new Error("LLM reply had no text");
      return content;
    },
  };
}
