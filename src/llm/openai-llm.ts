import type OpenAI from "openai";
import type { Llm } from "../core/ports/llm.js";

/**
 * The Llm port on any OpenAI-compatible chat completions API (OpenAI, Azure OpenAI's compatible route,
 * a local server). No SDK retries: a slow or failing model must fall back to retrieval quickly, not
 * keep a user waiting.
 */
export function createOpenAiLlm(options: { apiKey: string; baseUrl?: string; model: string }): Llm {
  // The SDK (~13 MB resident) is loaded on the first question, not at start-up.
  let client: Promise<OpenAI> | undefined;
  const openai = () => {
    client ??= import("openai").then(
      ({ default: OpenAI }) => new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 }),
    );
    return client;
  };
  return {
    async complete({ messages, temperature, maxTokens, timeoutMs }) {
      const completion = await (await openai()).chat.completions.create(
        { model: options.model, messages, temperature, max_tokens: maxTokens },
        { timeout: timeoutMs, maxRetries: 0 },
      );
      const content = completion.choices[0]?.message?.content;
      if (typeof content !== "string") throw new Error("LLM reply had no text");
      return content;
    },
  };
}
