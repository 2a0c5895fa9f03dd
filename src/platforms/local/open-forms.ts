import { randomBytes } from "node:crypto";
import type { FormView } from "../../core/forms/form.js";

export type OpenForm = { view: FormView; as: string; channel: string };

/**
 * Forms the page has open, by an unguessable token. The form id and the core's context string stay on
 * the server, so the page cannot swap them; the page sends back only the token and the field values.
 */
export function createOpenForms(limit = 200) {
  const open = new Map<string, OpenForm>();
  return {
    add(form: OpenForm): string {
      const token = randomBytes(16).toString("hex");
      open.set(token, form);
      if (open.size > limit) {
        const oldest = open.keys().next().value;
        if (oldest !== undefined) open.delete(oldest);
      }
      return token;
    },
    get: (token: string) => open.get(token),
    close: (token: string) => void open.delete(token),
  };
}

export type OpenForms = ReturnType<typeof createOpenForms>;
