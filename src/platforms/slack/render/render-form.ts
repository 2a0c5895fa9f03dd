import type { FormField, FormView } from "../../../core/forms/form.js";
import { escapeMrkdwn, truncate } from "./escape.js";
import { mrkdwn, plain, type SlackBlock } from "./render-message.js";

/** What a modal carries back to us on submit/close (Slack's `private_metadata`, max 3000 chars). */
export type ModalMetadata = { context: string; channel?: string };

/**
 * A neutral form → a Block Kit modal. Each field is an input block whose block_id and action_id are
 * the field id, so the core's field errors map straight onto `response_action: errors`. Closing the
 * modal notifies us (`notify_on_close`) so what was typed is kept as a draft.
 */
export function renderSlackModal(view: FormView, errors?: Record<string, string>, metadata?: ModalMetadata): unknown {
  const intro: SlackBlock[] = view.intro
    ? [{ type: "section", text: mrkdwn(truncate(escapeMrkdwn(view.intro), 3000)) }]
    : [];
  const problems = Object.entries(errors ?? {}).map(([field, message]) => {
    const label = view.form.fields.find((f) => f.id === field)?.label;
    return `:warning: ${escapeMrkdwn(label ? `${label}: ${message}` : message)}`;
  });
  const errorBlock: SlackBlock[] = problems.length
    ? [{ type: "section", text: mrkdwn(truncate(problems.join("\n"), 3000)) }]
    : [];
  return {
    type: "modal",
    callback_id: view.form.id,
    title: plain(truncate(view.form.title, 24)),
    submit: plain(truncate(view.form.submitLabel, 24)),
    close: plain("Close"),
    notify_on_close: true,
    private_metadata: encodeMetadata(metadata ?? { context: view.context }),
    blocks: [...intro, ...errorBlock, ...view.form.fields.map((f) => inputBlock(f, view.values[f.id]))].slice(0, 100),
  };
}

export function encodeMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

export function decodeMetadata(raw: string | undefined): ModalMetadata {
  try {
    // private_metadata comes back from Slack as we wrote it, but treat it as input: a non-string field
    // would otherwise reach the core as a channel id.
    const parsed = (JSON.parse(raw ?? "") ?? {}) as Record<string, unknown>;
    return {
      context: typeof parsed.context === "string" ? parsed.context : "",
      ...(typeof parsed.channel === "string" ? { channel: parsed.channel } : {}),
    };
  } catch {
    return { context: "" };
  }
}

function inputBlock(field: FormField, value: string | undefined): SlackBlock {
  return {
    type: "input",
    block_id: field.id,
    optional: !field.required,
    label: plain(truncate(field.label, 2000)),
    ...(field.hint ? { hint: plain(truncate(field.hint, 2000)) } : {}),
    element: element(field, value),
  };
}

function element(field: FormField, value: string | undefined): SlackBlock {
  const placeholder = field.placeholder ? { placeholder: plain(truncate(field.placeholder, 150)) } : {};
  const initial = value !== undefined && value !== "" ? value : undefined;
  switch (field.kind) {
    case "select": {
      const options = (field.options ?? []).slice(0, 100).map((o) => ({
        text: plain(truncate(o.label, 75)),
        value: truncate(o.value, 150),
      }));
      const selected = options.find((o) => o.value === initial);
      return {
        type: "static_select",
        action_id: field.id,
        options,
        ...placeholder,
        ...(selected ? { initial_option: selected } : {}),
      };
    }
    case "number":
      return {
        type: "number_input",
        action_id: field.id,
        // The core's schema decides what is valid; Slack only keeps the input numeric.
        is_decimal_allowed: true,
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
        ...(initial !== undefined && Number.isFinite(Number(initial)) ? { initial_value: initial } : {}),
        ...placeholder,
      };
    default:
      return {
        type: "plain_text_input",
        action_id: field.id,
        multiline: field.kind === "textarea",
        ...(field.maxLength ? { max_length: Math.min(field.maxLength, 3000) } : {}),
        ...(initial !== undefined ? { initial_value: truncate(initial, 3000) } : {}),
        ...placeholder,
      };
  }
}

/** Slack's `view.state.values` → the core's string values, keyed by field id. Empty inputs are undefined. */
export function readFormValues(state: unknown): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  const blocks = (state as { values?: Record<string, Record<string, SlackInputState>> })?.values ?? {};
  for (const [blockId, actions] of Object.entries(blocks)) {
    const input = actions[blockId] ?? Object.values(actions)[0];
    const value = input?.value ?? input?.selected_option?.value ?? undefined;
    values[blockId] = value === null || value === "" ? undefined : value;
  }
  return values;
}

type SlackInputState = { type?: string; value?: string | null; selected_option?: { value: string } | null };
