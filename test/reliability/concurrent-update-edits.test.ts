import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness } from "../support/slack-harness.js";
import { channelId, memberId, writeProgramme } from "./support/programme-builder.js";
import { GOOD_UPDATE, type ModalView, openUpdateModal, viewSubmission } from "./support/slack-modal.js";

/**
 * Promise: when 20 members of one team submit or edit the team's update at the same moment, no save is
 * lost: every save is kept as a version (1..20, no gaps, no repeats), the current update is exactly the
 * last version, and each person gets a confirmation. Through the real /slack/events entry point.
 */
const PEOPLE = 20;

describe("concurrency: 20 members saving the same team's update at once", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({
      seed: writeProgramme({ teams: 2, membersPerTeam: PEOPLE }),
      now: new Date().toISOString(),
    });
  });
  afterAll(async () => h?.close());

  it("keeps every save as a version and tells everyone", async () => {
    const users = Array.from({ length: PEOPLE }, (_, i) => memberId(1, i + 1));
    const views: ModalView[] = [];
    for (const user of users) views.push(await openUpdateModal(h, user, channelId(1)));
    h.fake.reset();

    const answers = await Promise.all(
      users.map((user, i) =>
        h.interaction(
          viewSubmission(
            views[i] as ModalView,
            user,
            { ...GOOD_UPDATE, progress: `Progress written by ${user}`, people: String(i + 1) },
            `h${i}`,
          ),
        ),
      ),
    );
    const failed = answers.filter((a) => a.status !== 200 || a.text !== "").length;
    await h.fake.waitFor("chat.postMessage", PEOPLE, 20_000);

    const update = await h.db.prisma.progressUpdate.findFirstOrThrow({ include: { versions: true } });
    const versions = update.versions.map((v) => v.version).sort((a, b) => a - b);
    const last = update.versions.find((v) => v.version === update.version);
    const savers = new Set(update.versions.map((v) => v.savedById));
    const told = new Set(h.fake.callsTo("chat.postMessage").map((c) => String(c.params.channel)));
    const lost = PEOPLE - update.versions.length;
    console.log(
      `[reliability] concurrent edits: savers=${PEOPLE}, failed requests=${failed}, versions=${update.versions.length}, lost=${lost}, confirmations=${told.size}`,
    );
    expect(failed).toBe(0);
    expect(lost).toBe(0);
    expect(versions).toEqual(Array.from({ length: PEOPLE }, (_, i) => i + 1));
    expect(savers.size).toBe(PEOPLE);
    expect(update.status).toBe("submitted");
    // The current state is exactly the last save, not a mix of two.
    expect(update.data).toEqual(last?.data);
    expect(update.updatedById).toBe(last?.savedById);
    expect(told).toEqual(new Set(users));
  });
});
