import { describe, expect, it } from "vitest";
import {
  commandText,
  conversationOf,
  type InboundActivity,
  identityOf,
} from "../../../src/platforms/teams/activity-context.js";

const base: InboundActivity = {
  type: "message",
  from: { id: "29:u", aadObjectId: "aad-1" },
  recipient: { id: "28:bot", name: "Cohort Bot" },
  conversation: { id: "19:c@thread.tacv2;messageid=1", conversationType: "channel" },
};

describe("reading Teams activities", () => {
  it("strips the bot's mention and any other tags from the command text", () => {
    const activity = {
      ...base,
      text: "<at>Cohort Bot</at>&nbsp;update <b>now</b>",
      entities: [{ type: "mention", text: "<at>Cohort Bot</at>", mentioned: { id: "28:bot" } }],
    };
    expect(commandText(activity)).toBe("update now");
  });

  it("identifies members by AAD object id and channels by their base conversation id", () => {
    expect(identityOf(base).externalId).toBe("aad-1");
    expect(conversationOf(base)).toEqual({ platform: "teams", externalId: "19:c@thread.tacv2", kind: "channel" });
    expect(conversationOf({ ...base, conversation: { id: "a:1" } }).kind).toBe("personal");
  });
});
