import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixture, type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";

const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (sample data)
const STAFF = "U0SPISTAFF1";
const TEAM_CHANNEL = "C0SPITWH";

type ModalView = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string }[] };
type Payload = Record<string, unknown> & { view: Record<string, unknown>; user: Record<string, unknown> };

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());
// Only updates are written here (inbound keys are unique per test); re-seeding per test would cost ~1 s each.
beforeEach(async () => {
  await h.db.prisma.progressUpdate.deleteMany();
  h.fake.reset();
});

/** Opens the update modal as the member would and returns the view Slack was asked to show. */
async function openUpdateModal(user = MEMBER): Promise<ModalView> {
  await h.command("update", { user_id: user, channel_id: TEAM_CHANNEL });
  const [call] = await h.fake.waitFor("views.open");
  h.fake.reset();
  return call?.params.view as ModalView;
}

/** A real-shape view_submission (or view_closed) for that view with the given typed values. */
function viewPayload(
  view: ModalView,
  values: Record<string, string>,
  type = "view_submission",
  hash = "1668506600.Ab1Cd2Ef",
): Payload {
  const base = fixture<Payload>(type === "view_submission" ? "view-submission.json" : "view-closed.json");
  const state: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values)) {
    state[id] = {
      [id]: ["rag", "support"].includes(id)
        ? { type: "static_select", selected_option: { value } }
        : { type: "plain_text_input", value },
    };
  }
  return {
    ...base,
    user: { ...base.user, id: MEMBER },
    view: {
      ...base.view,
      blocks: view.blocks,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash,
      state: { values: state },
    },
  };
}

const GOOD = {
  rag: "on-track",
  progress: "Induction pack tested with two new link workers.",
  people: "42",
  spend: "2500",
};

describe("the update modal", () => {
  it("shows field errors inline and saves nothing", async () => {
    const view = await openUpdateModal();
    const res = await h.interaction(viewPayload(view, { progress: "", people: "lots", spend: "10" }));
    expect(res.status).toBe(200);
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(["rag", "progress", "people"]));
    for (const id of Object.keys(body.errors)) expect(view.blocks.some((b) => b.block_id === id)).toBe(true);
    expect(await h.db.prisma.progressUpdate.count()).toBe(0);
  });

  it("a valid submission stores the update, closes the modal and confirms by DM", async () => {
    const view = await openUpdateModal();
    const res = await h.interaction(viewPayload(view, GOOD));
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const stored = await h.db.prisma.progressUpdate.findFirstOrThrow({ include: { team: true } });
    expect(stored.status).toBe("submitted");
    expect(stored.team.key).toBe("tower-hamlets");
    expect((stored.data as { people: number }).people).toBe(42);
    const [dm] = await h.fake.waitFor("chat.postMessage");
    expect(dm?.params.channel).toBe(MEMBER);
    expect(JSON.stringify(dm?.params)).toMatch(/digest/i);
  });

  it("the same submission retried by Slack is saved once", async () => {
    const view = await openUpdateModal();
    const payload = viewPayload(view, GOOD);
    await h.interaction(payload);
    const retry = await h.interaction(payload, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    expect(await h.db.prisma.progressUpdateVersion.count()).toBe(1);
  });

  it("closing the modal keeps what was typed as a draft", async () => {
    const view = await openUpdateModal();
    const res = await h.interaction(viewPayload(view, { progress: "Half-written thoughts" }, "view_closed"));
    expect(res.status).toBe(200);
    await h.fake.waitFor("chat.postMessage");
    const stored = await h.db.prisma.progressUpdate.findFirstOrThrow();
    expect(stored.status).toBe("draft");
    expect((stored.data as { progress: string }).progress).toBe("Half-written thoughts");
    // Opening again pre-fills the draft.
    const again = await openUpdateModal();
    expect(JSON.stringify(again.blocks)).toContain("Half-written thoughts");
  });

  it("typed mentions and links cannot ping or spoof when the update is shown to staff", async () => {
    const view = await openUpdateModal();
    const evil = "<!channel> ping <@U0SPISTAFF2> and <https://evil.example|click here> & more";
    await h.interaction(viewPayload(view, { ...GOOD, progress: evil }));
    const update = await h.db.prisma.progressUpdate.findFirstOrThrow();
    h.fake.reset();
    const res = await h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      user: { id: STAFF, username: "amara", name: "amara", team_id: "T0SPIWORK" },
      channel: { id: "C0SPISTAFF", name: "spi-programme-team" },
      response_url: h.fake.responseUrl,
      trigger_id: "trig-view-1",
      actions: [{ action_id: "update.view", block_id: "b1", type: "button", value: update.id, action_ts: "1.2" }],
    });
    expect(res.status).toBe(200);
    const [reply] = await h.fake.waitFor("response");
    const sent = JSON.stringify(reply?.params);
    expect(sent).toContain("&lt;!channel&gt;");
    expect(sent).toContain("&lt;@U0SPISTAFF2&gt;");
    expect(sent).toContain("&lt;https://evil.example|click here&gt;");
    expect(sent).not.toMatch(/<!channel>|<@U0SPISTAFF2>|<https:\/\/evil/);
  });
});

describe("buttons and App Home", () => {
  it("an Update button on a channel message opens the modal for that cycle", async () => {
    const res = await h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      response_url: h.fake.responseUrl,
    });
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor("views.open");
    expect((call?.params.view as ModalView | undefined)?.callback_id).toBe("progress-update");
  });

  it("a repeated button action id (#2 suffix) still reaches the core action", async () => {
    const payload = fixture<{ actions: Record<string, unknown>[] }>("block-actions.json");
    payload.actions = [{ ...payload.actions[0], action_id: "update.open#2" }];
    await h.interaction({ ...payload, response_url: h.fake.responseUrl });
    await h.fake.waitFor("views.open");
  });

  it("an unknown button answers ephemerally, never silence", async () => {
    const payload = fixture<{ actions: Record<string, unknown>[] }>("block-actions.json");
    payload.actions = [{ ...payload.actions[0], action_id: "no.such.action" }];
    await h.interaction({ ...payload, response_url: h.fake.responseUrl });
    const [reply] = await h.fake.waitFor("response");
    expect(reply?.params.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply?.params)).toContain("no longer available");
  });

  it("opening App Home publishes the member's team, next session and the Update button", async () => {
    const res = await h.event(fixture("app-home-opened.json"));
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor("views.publish");
    expect(call?.params.user_id).toBe(MEMBER);
    const view = JSON.stringify(call?.params.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("Tower Hamlets");
    expect(view).toContain("Next coaching session");
    expect(view).toContain("update.open");
  });

  it("staff App Home shows the cohort at a glance", async () => {
    const event = fixture<{ event: Record<string, unknown>; event_id: string }>("app-home-opened.json");
    await h.event({ ...event, event_id: "Ev0STAFF", event: { ...event.event, user: STAFF } });
    const [call] = await h.fake.waitFor("views.publish");
    const view = JSON.stringify(call?.params.view);
    expect(view).toContain("Cohort at a glance");
    expect(view).toContain("not started");
  });

  it("an event Slack retries is handled once", async () => {
    const event = { ...fixture<Record<string, unknown>>("app-home-opened.json"), event_id: "Ev0RETRIED" };
    await h.event(event);
    await h.event(event, {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    await h.fake.waitFor("views.publish");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo("views.publish")).toHaveLength(1);
  });
});
