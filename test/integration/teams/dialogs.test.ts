import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invoke, MEMBER, STAFF, STRANGER } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";
import { cardProblems } from "../../unit/teams/adaptive-card-validator.js";

type Card = { body: Record<string, unknown>[]; actions: { data: Record<string, string> }[] };
type TaskBody = { task: { type: string; value: { title: string; card: { content: Card } } | string } };

let h: TeamsHarness;
beforeAll(async () => {
  // The November 2022 cycle is open (opens 24 Nov, due 30 Nov).
  h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
});
afterAll(() => h.close());
beforeEach(() => h.connector.reset());

async function fetchTask(data: unknown, from = MEMBER) {
  const res = await h.post(invoke({ serviceUrl: h.connector.url, id: h.nextId(), from, name: "task/fetch", data }));
  expect(res.status).toBe(200);
  return res.body as unknown as TaskBody;
}

async function submitTask(data: unknown, from = MEMBER, id = h.nextId()) {
  const res = await h.post(invoke({ serviceUrl: h.connector.url, id, from, name: "task/submit", data }));
  expect(res.status).toBe(200);
  return res.body as unknown as TaskBody | undefined;
}

function formCard(body: TaskBody): Card {
  expect(body.task.type).toBe("continue");
  const value = body.task.value as { card: { content: Card } };
  return value.card.content;
}

const GOOD = { rag: "on-track", progress: "Recruited two link workers.", people: "12", spend: "1500" };

describe("Teams dialogs (task/fetch and task/submit)", () => {
  it("task/fetch from the update card opens the form as a dialog, valid for Adaptive Cards", async () => {
    const body = await fetchTask({ msteams: { type: "task/fetch" }, cohortCommand: "update" });
    const card = formCard(body);
    expect((body.task.value as { title: string }).title).toBe("Monthly progress update");
    const ids = card.body.map((e) => e.id).filter(Boolean);
    expect(ids).toEqual(expect.arrayContaining(["rag", "progress", "people", "spend"]));
    expect(cardProblems(card)).toEqual([]);
  });

  it("a reminder's update.open button (recorded task/fetch) opens the dialog for that cycle", async () => {
    const recorded = JSON.parse(readFileSync("test/fixtures/teams/task-fetch-update.json", "utf8"));
    const res = await h.post({ ...recorded, serviceUrl: `${h.connector.url}/` });
    expect(res.status).toBe(200);
    const card = formCard(res.body as unknown as TaskBody);
    expect(card.actions[0]!.data.cohortForm).toBe("progress-update");
  });

  it("validation errors re-show the dialog with inline errors and the user's values", async () => {
    const card = formCard(await fetchTask({ cohortCommand: "update" }));
    const submit = card.actions[0]!.data;
    const again = formCard(
      (await submitTask({ ...submit, rag: "on-track", progress: "", people: "lots", spend: "10" }))!,
    );
    const texts = again.body
      .filter((e) => e.type === "TextBlock" && e.color === "Attention")
      .map((e) => String(e.text));
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.join(" ")).toMatch(/Progress this month/);
    expect(texts.join(" ")).toMatch(/People supported/);
    expect(again.body.find((e) => e.id === "rag")?.value).toBe("on-track");
    expect(cardProblems(again)).toEqual([]);
    expect(await h.db.prisma.progressUpdate.count()).toBe(0);
  });

  it("personal chat round trip: update → dialog → submit stores a ProgressUpdate and confirms", async () => {
    const card = formCard(await fetchTask({ cohortCommand: "update" }));
    const result = await submitTask({ ...card.actions[0]!.data, ...GOOD });
    expect(result?.task.type).toBe("message");
    const stored = await h.db.prisma.progressUpdate.findMany({ include: { team: true, cycle: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.cycle.month).toBe("2022-11");
    expect(stored[0]!.team.key).toBe("tower-hamlets");
    expect(stored[0]!.data).toMatchObject({ progress: "Recruited two link workers.", people: 12 });
    const confirmation = h.connector.activities();
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.path).toBe(`/v3/conversations/a:personal-${MEMBER.id}/activities`);
  });

  it("a redelivered task/submit saves once", async () => {
    const card = formCard(await fetchTask({ cohortCommand: "update" }));
    const data = { ...card.actions[0]!.data, ...GOOD, progress: "Second edit." };
    const before = await h.db.prisma.progressUpdateVersion.count();
    await submitTask(data, MEMBER, "submit-dup");
    await submitTask(data, MEMBER, "submit-dup");
    expect(await h.db.prisma.progressUpdateVersion.count()).toBeLessThanOrEqual(before + 1);
    expect(h.connector.activities()).toHaveLength(1);
  });

  it("a stranger's submit is refused with the core's wording and nothing is stored", async () => {
    const before = await h.db.prisma.progressUpdate.count();
    const result = await submitTask({ cohortForm: "progress-update", cohortContext: "x", ...GOOD }, STRANGER);
    expect(result?.task.type).toBe("message");
    expect(String(result?.task.value)).toContain("I don't know which team you're in");
    expect(await h.db.prisma.progressUpdate.count()).toBe(before);
  });

  it("a button whose action answers with a message posts it and summarises it in the popup", async () => {
    const body = await fetchTask({ cohortAction: "no.such.action", cohortValue: "" }, STAFF);
    expect(body.task.type).toBe("message");
    expect(String(body.task.value)).toContain("That button is no longer available");
    expect(h.connector.activities()).toHaveLength(1);
  });
});
