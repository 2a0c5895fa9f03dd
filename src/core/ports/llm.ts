/** An optional large language model behind an OpenAI-compatible API. The core never depends on one. */
export type LlmMessage = { role: "system" | "user" | "assistant"; content: string };

export type Llm = {
  complete(input: {
    messages: LlmMessage[];
    temperature?: number;
    maxTokens?: number;
    timeoutMs: number;
  }): Promise<string>;
};
