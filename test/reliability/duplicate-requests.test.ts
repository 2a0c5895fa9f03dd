import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "../support/slack-harness.js";
import { MEMBER, personalMessage } from "../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../support/teams-harness.js";
import { GOOD_UPDATE, openUpdateModal, viewSubmission } from "./support/slack-modal.js";

/**
 * Promise: a request delivered more than once — Slack's retries of a slash command or a modal
 * submission (x-slack-retry-num), Teams delivering the same activity twice — has a single effect, even
 * when the copies arrive at the same moment. Through the real HTTP entry points (/slack/events,
 * /api/messages) on a real server.
 */
const SLACK_MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (sample data)
const TEAM_CHANNEL = "C0SPITWH";
const RETRY = { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" };
const QUESTION = "ask is there a bicycle shed at the venue for the closing celebration?";

describe("duplicate requests have a single effect", () => {
  let slack: SlackHarness;
  let teams: TeamsHarness;
  beforeAll(async () => {
    [slack, teams] = await Promise.all([startSlackHarness(), startTeamsHarness()]);
  });
  afterAll(async () => {
    await slack?.close();
    await teams?.close();
  });

  it("Slack: a slash command and its 3 retries arriving together", async () => {
    const fields = { user_id: SLACK_MEMBER, channel_id: TEAM_CHANNEL, trigger_id: "trig-dup-ask" };
    const answers = await Promise.all([
      slack.command(QUESTION, fields),
      ...[1, 2, 3].map((n) => slack.command(QUESTION, fields, "good", { ...RETRY, "x-slack-retry-num": String(n) })),
    ]);
    for (const a of answers) expect(a.status).toBe(200);
    const queued = await slack.db.prisma.unansweredQuestion.count();
    const replies = answers.filter((a) => a.text.length > 0).length + slack.fake.callsTo("response").length;
    console.log(
      `[reliability] duplicates/slack command: copies=4, effects=${queued}, replies=${replies}, lost=${queued === 0 ? 1 : 0}`,
    );
    expect(queued).toBe(1);
    expect(replies).toBe(1);
  });

  it("Slack: a modal submission and 3 retries (sent while the first is still being handled)", async () => {
    const view = await openUpdateModal(slack, SLACK_MEMBER, TEAM_CHANNEL);
    slack.fake.reset();
    const payload = viewSubmission(view, SLACK_MEMBER, GOOD_UPDATE);
    const first = slack.interaction(payload);
    // Slack retries after its 3 s timeout; here the retries race the original's own processing.
    await new Promise((r) => setTimeout(r, 5));
    const retries = [1, 2, 3].map((n) => slack.interaction(payload, { ...RETRY, "x-slack-retry-num": String(n) }));
    const answers = await Promise.all([first, ...retries]);
    for (const a of answers) expect(a.status).toBe(200);
    await slack.fake.waitFor("chat.postMessage", 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const versions = await slack.db.prisma.progressUpdateVersion.count();
    const dms = slack.fake.callsTo("chat.postMessage").length;
    console.log(
      `[reliability] duplicates/slack submission: copies=4, versions saved=${versions}, confirmations=${dms}, lost=${versions === 0 ? 1 : 0}`,
    );
    expect(versions).toBe(1);
    expect(dms).toBe(1);
  });

  it("Teams: the same activity delivered 4 times at once", async () => {
    const activity = personalMessage({
      serviceUrl: teams.connector.url,
      id: "dup-activity-1",
      from: MEMBER,
      text: QUESTION,
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => teams.post(activity)));
    for (const a of answers) expect(a.status).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 500));
    const queued = await teams.db.prisma.unansweredQuestion.count();
    const replies = teams.connector.activities().length;
    console.log(
      `[reliability] duplicates/teams activity: copies=4, effects=${queued}, replies=${replies}, lost=${queued === 0 ? 1 : 0}`,
    );
    expect(queued).toBe(1);
    expect(replies).toBe(1);
  });
});
