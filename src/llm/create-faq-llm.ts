import type { FaqPrompt } from "../core/faq/faq-prompt.js";
import type { Llm } from "../core/ports/llm.js";
import type { Logger } from "../core/ports/logger.js";
import { loadFaqPrompt } from "./load-faq-prompt.js";
import { createOpenAiLlm } from "./openai-llm.js";

export type LlmEnv = { OPENAI_API_KEY?: string; OPENAI_BASE_URL?: string; OPENAI_MODEL?: string };

/** The FAQ's optional LLM and its prompt, from the environment (call only when OPENAI_API_KEY is set). */
export function createFaqLlm(env: LlmEnv, logger: Logger): { llm: Llm; faqPrompt: FaqPrompt } {
  const model = env.OPENAI_MODEL ?? "gpt-4o-mini";
  const llm = createOpenAiLlm({ apiKey: env.OPENAI_API_KEY ?? "", baseUrl: env.OPENAI_BASE_URL, model });
  logger.info({ model, baseUrl: env.OPENAI_BASE_URL ?? "default" }, "FAQ answers use an LLM over retrieved entries");
  return { llm, faqPrompt: loadFaqPrompt() };
}
