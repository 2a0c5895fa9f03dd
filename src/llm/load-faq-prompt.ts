import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { type FaqPrompt, faqPromptConfigSchema, REQUIRED_PLACEHOLDERS } from "../core/faq/faq-prompt.js";

export const FAQ_PROMPT_DIR = fileURLToPath(new URL("../../prompts/faq/", import.meta.url));

/** Reads prompts/faq/{template.md,config.json}; throws one readable error if either is wrong. */
export function loadFaqPrompt(dir = FAQ_PROMPT_DIR): FaqPrompt {
  const template = fs.readFileSync(`${dir}/template.md`, "utf8");
  const missing = REQUIRED_PLACEHOLDERS.filter((p) => !template.includes(`{{${p}}}`));
  if (missing.length > 0)
    throw new Error(`${dir}/template.md: missing placeholder(s) ${missing.map((p) => `{{${p}}}`).join(", ")}`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(`${dir}/config.json`, "utf8"));
  } catch (error) {
    throw new Error(`${dir}/config.json: ${(error as Error).message}`);
  }
  const config = faqPromptConfigSchema.safeParse(raw);
  if (!config.success) {
    const problems = config.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ");
    throw new Error(`${dir}/config.json: ${problems}`);
  }
  return { ...config.data, template };
}
