import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MEMBER, type Person, personalMessage, STRANGER } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";
import { cardProblems } from "../../unit/teams/adaptive-card-validator.js";

type Action = { type: string; title: string; verb?: string; data: Record<string, string> };
type Card = { body: Record<string, unknown>[]; actions: Action[] };
type ExecuteResponse = { statusCode: number; type: string; value: Card | string };

let h: TeamsHarness;
beforeAll(async () => {
  // The November 2022 cycle is open (opens 24 Nov, due 30 Nov).
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

async function say(text: string, from: Person = MEMBER): Promise<Card> {
  h.connector.reset();
  await h.post(personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from, text }));
  const [reply] = h.connector.activities();
  return (reply!.body.attachments as { content: Card }[])[0]!.content;
}

/** Action.Execute as Teams (and the Agents Playground) sends it: an adaptiveCard/action invoke. */
async function execute(action: Action, inputs: Record<string, string> = {}, from: Person = MEMBER, id = h.nextId()) {
  const activity = {
    ...personalMessage({ serviceUrl: h.connector.url, id, from }),
    type: "invoke",
    name: "adaptiveCard/action",
    value: {
      action: { type: "Action.Execute", verb: action.verb, data: { ...action.data, ...inputs } },
      trigger: "manual",
    },
  };
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  return res.body as unknown as ExecuteResponse;
}

function card(response: ExecuteResponse): Card {
  expect(response).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  return response.value as Card;
}

const errorsIn = (c: Card) =>
  c.body.filter((e) => e.type === "TextBlock" && e.color === "Attention").map((e) => String(e.text));
const GOOD = { rag: "on-track", progress: "Recruited two link workers.", people: "12", spend: "1500" };

describe("the update form in a card (Action.Execute), where dialogs are not available", () => {
  it("update's launcher offers the dialog and 'Fill in here', and is a valid Adaptive Card", async () => {
    const launcher = await say("update");
    expect(launcher.actions.map((a) => [a.type, a.title])).toEqual([
      ["Action.Submit", "Monthly progress update"],
      ["Action.Execute", "Fill in here"],
    ]);
    expect(cardProblems(launcher)).toEqual([]);
  });

  it("Fill in here swaps the launcher for the form, whose submit is Action.Execute", async () => {
    const form = card(await execute((await say("update")).actions[1]!));
    expect(form.body.map((e) => e.id)).toEqual(expect.arrayContaining(["rag", "progress", "people", "spend"]));
    expect(form.actions).toEqual([expect.objectContaining({ type: "Action.Execute", verb: "cohort.form.submit" })]);
    expect(cardProblems(form)).toEqual([]);
  });

  it("one invalid field: the form comes back with its error under it and the user's values; nothing saved", async () => {
    const form = card(await execute((await say("update")).actions[1]!));
    const again = card(await execute(form.actions[0]!, { ...GOOD, people: "lots" }));
    expect(errorsIn(again)).toHaveLength(1);
    expect(errorsIn(again)[0]).toMatch(/whole number|number/i);
    const peopleAt = again.body.findIndex((e) => e.id === "people");
    expect(again.body.slice(peopleAt + 1, peopleAt + 3).some((e) => e.color === "Attention")).toBe(true);
    expect(again.body.find((e) => e.id === "progress")?.value).toBe(GOOD.progress);
    expect(cardProblems(again)).toEqual([]);
    expect(await h.db.prisma.progressUpdate.count()).toBe(0);
  });

  it("then valid: saved, the form replaced by the confirmation, and status shows it", async () => {
    const form = card(await execute((await say("update")).actions[1]!));
    const invalid = card(await execute(form.actions[0]!, { ...GOOD, people: "lots" }));
    const done = card(await execute(invalid.actions[0]!, GOOD));
    expect(JSON.stringify(done)).toMatch(/November 2022 update/);
    expect(done.actions ?? []).not.toContainEqual(expect.objectContaining({ verb: "cohort.form.submit" }));
    const stored = await h.db.prisma.progressUpdate.findMany({ include: { team: true, cycle: true } });
    expect(stored.map((u) => [u.team.key, u.cycle.month])).toEqual([["tower-hamlets", "2022-11"]]);
    expect(stored[0]!.data).toMatchObject({ progress: GOOD.progress, people: 12 });
    expect(JSON.stringify(await say("status"))).toMatch(/submitted|is in|sent/i);
  });

  it("a redelivered submit (same activity id) saves once", async () => {
    const form = card(await execute((await say("update")).actions[1]!));
    const before = await h.db.prisma.progressUpdateVersion.count();
    const data = { ...GOOD, progress: "Edited once." };
    await execute(form.actions[0]!, data, MEMBER, "execute-dup");
    const second = await execute(form.actions[0]!, data, MEMBER, "execute-dup");
    expect(second).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "Already received.",
    });
    expect(await h.db.prisma.progressUpdateVersion.count()).toBeLessThanOrEqual(before + 1);
  });

  it("a stranger's submit is refused in place with the core's wording", async () => {
    const form = card(await execute((await say("update")).actions[1]!));
    const refused = card(await execute(form.actions[0]!, GOOD, STRANGER));
    expect(JSON.stringify(refused)).toContain("I don't know which team you're in");
  });

  it("an unknown verb gets a short message, not an error", async () => {
    const response = await execute({ type: "Action.Execute", title: "x", verb: "no.such.verb", data: {} });
    expect(response).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
  });
});
