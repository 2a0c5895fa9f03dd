/**
 * The neutral form model. A form is defined once in the core (fields + a zod schema) and rendered by
 * each platform: a Slack modal, a Teams dialog (Adaptive Card), an HTML dialog in the playground.
 * Values travel as strings (what every platform's inputs give back); the core's schema parses them.
 */
import type { Message } from "../messages/message.js";

export type FieldOption = { value: string; label: string };

export type FormField = {
  id: string;
  label: string;
  kind: "text" | "textarea" | "number" | "select";
  required: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** For number fields. */
  min?: number;
  max?: number;
  /** For select fields. */
  options?: FieldOption[];
};

export type FormDefinition = {
  /** Stable id the platforms send back on submit, e.g. "progress-update". */
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
};

/** A form ready to open: definition, pre-filled values, and an opaque context string the core reads back on submit. */
export type FormView = {
  form: FormDefinition;
  /** Heading shown above the fields (team, cycle, due date, draft status). */
  intro?: string;
  values: Record<string, string>;
  context: string;
};

export type FormValues = Record<string, string | undefined>;

/** Result of a submission: saved (with a confirmation), or field errors keyed by field id. */
export type FormResult = { ok: true; confirmation: Message } | { ok: false; errors: Record<string, string> };
