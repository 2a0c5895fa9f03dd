import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSlackRequest } from "../../../src/platforms/slack/request-shape.js";

const FORM = "application/x-www-form-urlencoded";
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/slack/${name}`, "utf8"));
const payload = (value: unknown) => `payload=${encodeURIComponent(JSON.stringify(value))}`;

describe("checkSlackRequest: the shapes handed to Bolt", () => {
  it("accepts every recorded Slack payload this app handles", () => {
    expect(checkSlackRequest(new URLSearchParams(fixture("slash-command.json")).toString(), FORM)).toEqual({
      ok: true,
      kind: "command",
    });
    for (const name of ["block-actions.json", "view-submission.json", "view-closed.json"]) {
      expect(checkSlackRequest(payload(fixture(name)), FORM), name).toEqual({ ok: true, kind: "interaction" });
    }
    expect(checkSlackRequest(JSON.stringify(fixture("app-home-opened.json")), "application/json")).toEqual({
      ok: true,
      kind: "event",
    });
    expect(checkSlackRequest('{"type":"url_verification","challenge":"c"}', "application/json").ok).toBe(true);
    expect(checkSlackRequest("ssl_check=1&token=x", FORM)).toEqual({ ok: true, kind: "ssl_check" });
  });

  it.each([
    ["payload=null", FORM, "payload is not a JSON object"],
    ["payload=a&payload=b", FORM, "payload given more than once"],
    [payload({ ...fixture("block-actions.json"), channel: null }), FORM, "malformed block_actions payload: channel"],
    [payload({ ...fixture("view-submission.json"), user: null }), FORM, "malformed view_submission payload: user"],
    [payload({ ...fixture("block-actions.json"), event: {} }), FORM, "malformed block_actions payload: event"],
    [payload({ type: "shortcut" }), FORM, 'interaction type "shortcut" is not one this app handles'],
    ["event=x&command=%2Fcohort&user_id=U&channel_id=C&trigger_id=t", FORM, "malformed slash command: event"],
    ["command=%2Fother&user_id=U&channel_id=C&trigger_id=t", FORM, "malformed slash command: command"],
    ["null", "application/json", "body is not a JSON object"],
    ['{"type":"block_actions"}', "application/json", 'request type "block_actions" is not one this app handles'],
  ])("refuses %s (%s): %s", (body, type, reason) => {
    const result = checkSlackRequest(body, type);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });
});
