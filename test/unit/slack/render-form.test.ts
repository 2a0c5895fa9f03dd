import { describe, expect, it } from "vitest";
import type { FormView } from "../../../src/core/forms/form.js";
import { progressUpdateForm } from "../../../src/core/updates/update-form.js";
import { toBlockErrors } from "../../../src/platforms/slack/listeners/views/form-submission.js";
import { decodeMetadata, readFormValues, renderSlackModal } from "../../../src/platforms/slack/render/render-form.js";

const view: FormView = {
  form: progressUpdateForm,
  intro: "Tower Hamlets — November 2022 <!channel>",
  values: { rag: "at-risk", progress: "Draft text", people: "12", spend: "not a number" },
  context: "ctx-123",
};
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is walked freely in assertions.
type Json = any;
type Modal = { blocks: Json[]; [k: string]: Json };

describe("renderSlackModal", () => {
  const modal = renderSlackModal(view, undefined, { context: "ctx-123", channel: "C0SPITWH" }) as Modal;

  it("is a modal for the form id that notifies on close, carrying context and channel", () => {
    expect(modal).toMatchObject({ type: "modal", callback_id: "progress-update", notify_on_close: true });
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(decodeMetadata(modal.private_metadata)).toEqual({ context: "ctx-123", channel: "C0SPITWH" });
  });

  it("renders one input block per field, block_id = action_id = field id, pre-filled", () => {
    const inputs = modal.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(progressUpdateForm.fields.map((f) => f.id));
    for (const b of inputs) expect(b.element.action_id).toBe(b.block_id);
    const byId = Object.fromEntries(inputs.map((b) => [b.block_id, b]));
    expect(byId.rag.element.type).toBe("static_select");
    expect(byId.rag.element.initial_option.value).toBe("at-risk");
    expect(byId.progress.element).toMatchObject({
      type: "plain_text_input",
      multiline: true,
      initial_value: "Draft text",
    });
    expect(byId.progress.optional).toBe(false);
    expect(byId.pdsa.optional).toBe(true);
    expect(byId.people.element).toMatchObject({ type: "number_input", initial_value: "12", min_value: "0" });
    expect(byId.spend.element.initial_value).toBeUndefined();
  });

  it("escapes the intro", () => {
    expect(modal.blocks[0]?.text.text).toContain("&lt;!channel&gt;");
  });

  it("lists errors passed in, by field label", () => {
    const withErrors = renderSlackModal(view, { people: "enter a number", _form: "Locked" }) as Modal;
    expect(JSON.stringify(withErrors.blocks)).toContain("People supported / referrals this month: enter a number");
    expect(JSON.stringify(withErrors.blocks)).toContain("Locked");
  });

  it("bad private_metadata decodes to an empty context rather than throwing", () => {
    expect(decodeMetadata("not json")).toEqual({ context: "" });
    expect(decodeMetadata("null")).toEqual({ context: "" });
    expect(decodeMetadata('{"context":"c","channel":{"id":"C1"}}')).toEqual({ context: "c" });
    expect(decodeMetadata('{"context":7,"channel":42}')).toEqual({ context: "" });
  });
});

describe("reading a submission", () => {
  it("maps view.state.values back to field values; empty inputs are undefined", () => {
    const values = readFormValues({
      values: {
        rag: { rag: { type: "static_select", selected_option: { value: "on-track" } } },
        progress: { progress: { type: "plain_text_input", value: "Done" } },
        pdsa: { pdsa: { type: "plain_text_input", value: null } },
        support: { support: { type: "static_select", selected_option: null } },
        people: { people: { type: "number_input", value: "3" } },
      },
    });
    expect(values).toEqual({ rag: "on-track", progress: "Done", pdsa: undefined, support: undefined, people: "3" });
  });

  it("maps core errors to block ids, form-level errors onto the first input, within 150 chars", () => {
    const blocks = [{ type: "section" }, { type: "input", block_id: "rag" }, { type: "input", block_id: "people" }];
    expect(toBlockErrors({ people: "whole number", _form: "x".repeat(200) }, blocks)).toEqual({
      people: "whole number",
      rag: "x".repeat(150),
    });
  });
});
