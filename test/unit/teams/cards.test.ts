import { describe, expect, it } from "vitest";
import type { FormView } from "../../../src/core/forms/form.js";
import type { Message } from "../../../src/core/messages/message.js";
import { progressUpdateForm } from "../../../src/core/updates/update-form.js";
import { readFormSubmission } from "../../../src/platforms/teams/cards/card-data.js";
import { escapeMarkdown } from "../../../src/platforms/teams/cards/escape.js";
import { renderFormCard } from "../../../src/platforms/teams/cards/render-form.js";
import { renderFormLauncher } from "../../../src/platforms/teams/cards/render-form-launcher.js";
import { renderAdaptiveCard, renderTeamsActivity } from "../../../src/platforms/teams/cards/render-message.js";
import { cardProblems } from "./adaptive-card-validator.js";

const EVIL = "<at>Everyone</at> **bold** _it_ [x](javascript:alert(1)) <b>hi</b>\n# heading\n- item";

const everyBlock: Message = {
  summary: "Summary <at>x</at>",
  blocks: [
    { type: "header", text: `Header ${EVIL}` },
    {
      type: "text",
      text: [
        "Plain ",
        { bold: "bold" },
        " ",
        { italic: "it" },
        " ",
        { code: "help" },
        " ",
        { link: "https://example.org/a b", label: "site" },
        " ",
        { link: "javascript:alert(1)", label: "bad" },
      ],
    },
    { type: "divider" },
    {
      type: "fields",
      fields: [
        { label: "Team", value: EVIL },
        { label: "Due", value: [{ bold: "30 Nov" }] },
      ],
    },
    { type: "list", items: ["one", [{ bold: "two" }], EVIL] },
    { type: "context", text: EVIL },
    {
      type: "actions",
      buttons: [
        { action: "update.open", label: "Update <b>", value: "2022-11", style: "primary" },
        { action: "x.delete", label: "Delete", style: "danger" },
        { action: "link", label: "Docs", url: "https://example.org/docs" },
      ],
    },
  ],
};

const view: FormView = {
  form: progressUpdateForm,
  intro: "Tower Hamlets — November 2022, due Wed 30 Nov <at>x</at>",
  values: { rag: "at-risk", progress: "Typed <at>me</at> **text**", people: "12", spend: "not a number" },
  context: "ctx-123",
};

describe("Teams Adaptive Cards", () => {
  it("renders every block type as a card that Microsoft's adaptivecards library parses without warnings", () => {
    const card = renderAdaptiveCard(everyBlock);
    expect(card.version).toBe("1.5");
    expect(cardProblems(card)).toEqual([]);
    const types = (card.body as { type: string }[]).map((b) => b.type);
    expect(types).toEqual(["TextBlock", "TextBlock", "FactSet", "TextBlock", "TextBlock"]);
    expect((card.body as { separator?: boolean }[])[2]!.separator).toBe(true);
  });

  it("renders buttons: a form-opening action asks for a dialog, links open the URL", () => {
    const actions = renderAdaptiveCard(everyBlock).actions as Record<string, unknown>[];
    expect(actions[0]).toMatchObject({
      type: "Action.Submit",
      style: "positive",
      data: { msteams: { type: "task/fetch" }, cohortAction: "update.open", cohortValue: "2022-11" },
    });
    expect(actions[1]).toMatchObject({ style: "destructive" });
    expect(actions[2]).toMatchObject({ type: "Action.OpenUrl", url: "https://example.org/docs" });
    expect(JSON.stringify(actions)).not.toContain("<b>");
  });

  it("buttons that answer with a message are plain Action.Submit, so clients without dialogs can press them", () => {
    const card = renderAdaptiveCard({
      summary: "Did you mean…?",
      blocks: [
        {
          type: "actions",
          buttons: [
            { action: "faq.pick", label: "How much is the grant?", value: "grant-per-project" },
            { action: "digest.post", label: "Post", value: "2022-11" },
            { action: "update.open", label: "Update", value: "2022-11" },
          ],
        },
      ],
    });
    const [pick, post, open] = card.actions as { data: Record<string, unknown> }[];
    expect(pick?.data).toEqual({ cohortAction: "faq.pick", cohortValue: "grant-per-project" });
    expect(post?.data).not.toHaveProperty("msteams");
    expect(open?.data).toMatchObject({ msteams: { type: "task/fetch" } });
  });

  it("escapes every string: no tags, no markdown from user text, only http(s) links", () => {
    const json = JSON.stringify(renderAdaptiveCard(everyBlock));
    expect(json).not.toMatch(/<at>|<b>|<\/at>/);
    expect(json).not.toContain("[bad](");
    expect(json).not.toMatch(/[^\\]\]\(javascript/);
    expect(json).toContain("[site](https://example.org/a%20b)");
    expect(escapeMarkdown("**bold** _it_ [x](y)")).toBe("\\*\\*bold\\*\\* \\_it\\_ \\[x\\](y)");
    expect(escapeMarkdown("# h\n- item\n1. one")).toBe("\\# h\n\\- item\n1\\. one");
  });

  it("wraps the card in a message activity", () => {
    const activity = renderTeamsActivity(everyBlock);
    expect(activity.type).toBe("message");
    expect(activity.attachments[0]).toMatchObject({ contentType: "application/vnd.microsoft.card.adaptive" });
  });

  it("renders a message with no blocks from its summary", () => {
    expect(cardProblems(renderAdaptiveCard({ summary: "Only a summary", blocks: [] }))).toEqual([]);
  });

  it("renders the update form pre-filled, valid, with the form id and context on submit", () => {
    const card = renderFormCard(view, {}, { cohortCommand: "update" });
    expect(cardProblems(card)).toEqual([]);
    const body = card.body as Record<string, unknown>[];
    expect(body.find((e) => e.id === "rag")).toMatchObject({
      type: "Input.ChoiceSet",
      value: "at-risk",
      isRequired: true,
    });
    expect(body.find((e) => e.id === "progress")).toMatchObject({
      type: "Input.Text",
      isMultiline: true,
      value: "Typed <at>me</at> **text**",
    });
    expect(body.find((e) => e.id === "people")).toMatchObject({ type: "Input.Number", value: 12, min: 0 });
    expect(body.find((e) => e.id === "spend")).not.toHaveProperty("value");
    const submit = (card.actions as { data: Record<string, string> }[])[0]!;
    expect(submit.data).toEqual({ cohortCommand: "update", cohortForm: "progress-update", cohortContext: "ctx-123" });
    expect(JSON.stringify(body.filter((e) => e.type === "TextBlock"))).not.toContain("<at>");
  });

  it("renders the form with inline errors (per field and for the whole form), still valid", () => {
    const card = renderFormCard(view, { _form: "Please fix <at>the</at> fields", people: "People: a whole number" });
    expect(cardProblems(card)).toEqual([]);
    const body = card.body as Record<string, unknown>[];
    const peopleAt = body.findIndex((e) => e.id === "people");
    const errorTexts = body.filter((e) => e.color === "Attention").map((e) => e.text);
    expect(errorTexts).toHaveLength(2);
    expect(String(errorTexts[0])).not.toContain("<at>");
    expect(body.slice(peopleAt + 1).find((e) => e.color === "Attention")?.text).toBe("People: a whole number");
  });

  it("renders the form launcher (typed command → button that opens the dialog), valid", () => {
    const card = renderFormLauncher(view, { cohortCommand: "update" });
    expect(cardProblems(card)).toEqual([]);
    expect((card.actions as { data: unknown }[])[0]!.data).toEqual({
      msteams: { type: "task/fetch" },
      cohortCommand: "update",
    });
  });

  it("reads a submission back: our keys out, field values as strings", () => {
    const parsed = readFormSubmission({
      msteams: { type: "task/fetch" },
      cohortForm: "progress-update",
      cohortContext: "c",
      cohortCommand: "update",
      people: 12,
      progress: "x",
    });
    expect(parsed).toEqual({
      formId: "progress-update",
      context: "c",
      values: { people: "12", progress: "x" },
      request: { kind: "command", text: "update" },
    });
    expect(readFormSubmission({ people: "1" })).toBeNull();
  });
});
