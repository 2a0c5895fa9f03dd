import { z } from "zod";

/**
 * The FAQ prompt: a template (prompts/faq/template.md) and its settings (prompts/faq/config.json),
 * validated here so a bad edit stops start-up with a clear message instead of odd answers.
 */
export const faqPromptConfigSchema = z
  .object({
    temperature: z.number().min(0).max(2).default(0),
    maxTokens: z.number().int().min(16).max(4000).default(400),
    timeoutMs: z.number().int().min(100).max(60_000).default(8000),
    /** How many retrieved entries the model may use. */
    maxCandidates: z.number().int().min(1).max(10).default(4),
    /** Retrieval confidence below which the model is not even asked. */
    minConfidence: z.number().min(0).max(1).default(0.35),
  })
  .strict();

export type FaqPrompt = z.infer<typeof faqPromptConfigSchema> & { template: string };

/** Fills {{name}} placeholders; unknown placeholders are an error, not silently left in. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt template uses unknown placeholder {{${name}}}`);
    return value;
  });
}

export const REQUIRED_PLACEHOLDERS = ["programme", "entries", "question"] as const;
