import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { activityProblem } from "../../../src/platforms/teams/activity-shape.js";
import { channelMention, invoke, MEMBER, personalMessage } from "../../support/teams-activities.js";

const serviceUrl = "https://smba.trafficmanager.net/uk";
const recorded = ["channel-mention.json", "conversation-update-bot-added.json", "installation-update-personal.json"];

describe("activityProblem: what the Teams SDK may see", () => {
  it("accepts every recorded activity and the builders' shapes", () => {
    for (const name of [...recorded, "task-fetch-update.json"]) {
      expect(activityProblem(JSON.parse(readFileSync(`test/fixtures/teams/${name}`, "utf8"))), name).toBeNull();
    }
    expect(activityProblem(personalMessage({ serviceUrl, id: "1", from: MEMBER, text: "help" }))).toBeNull();
    expect(
      activityProblem(channelMention({ serviceUrl, id: "2", from: MEMBER, text: "next", channelId: "19:c" })),
    ).toBeNull();
    expect(activityProblem(invoke({ serviceUrl, id: "3", from: MEMBER, name: "task/fetch", data: {} }))).toBeNull();
  });

  it.each([
    [[], "malformed activity: body"],
    [{ ...personalMessage({ serviceUrl, id: "1", from: MEMBER }), serviceUrl: {} }, "serviceUrl"],
    [{ ...personalMessage({ serviceUrl, id: "1", from: MEMBER }), serviceUrl: "javascript:x" }, "serviceUrl"],
    [{ ...personalMessage({ serviceUrl, id: "1", from: MEMBER }), from: null }, "from"],
    [{ ...personalMessage({ serviceUrl, id: "1", from: MEMBER }), type: null }, "type"],
  ])("refuses %j", (body, where) => {
    expect(activityProblem(body)).toContain(where);
  });
});
