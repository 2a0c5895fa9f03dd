import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "./browser.js";
import { type AgentsPlayground, startAgentsPlayground } from "./teams-agents-playground.js";
import { type CohortServer, startCohortServer } from "./teams-cohort-server.js";
import { launchOfflineChromium, type PlaygroundPage, playgroundPage } from "./teams-playground-page.js";

/**
 * Cohort Bot in Microsoft's own client: Microsoft 365 Agents Playground (Teams channel mode) renders our
 * cards with Microsoft's Adaptive Cards renderer and talks Bot Framework to our /api/messages; Chromium
 * drives its web UI as a person would. Everything stays on 127.0.0.1 (see teams-agents-playground.ts).
 */

// Friday 25 Nov 2022, 10:00: the November update is open (due Wed 30 Nov 17:00).
const NOW = "2022-11-25T10:00:00Z";
const TEAM = { name: "SPI Tower Hamlets", channelId: "19:spi-tower-hamlets@thread.tacv2" };
const AISHA = { name: "Aisha Rahman", aadObjectId: "3f6d2c1a-0a11-4c5e-8f00-0000000c0101" };
const AMARA = { name: "Amara Okafor", aadObjectId: "3f6d2c1a-0a11-4c5e-8f00-00000000a001" };
const LONG = 240_000;

let server: CohortServer;
let browser: Browser;
const blocked: string[] = [];
const playgrounds: AgentsPlayground[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startCohortServer({ now: NOW }), launchOfflineChromium()]);
}, LONG);
afterAll(async () => {
  await browser?.close();
  for (const p of playgrounds) await p.stop();
  await server?.close();
}, LONG);

async function openAs(user: typeof AISHA): Promise<{ page: Page; ui: PlaygroundPage; context: BrowserContext }> {
  const playground = await startAgentsPlayground({ botEndpoint: server.endpoint, user, team: TEAM });
  playgrounds.push(playground);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  // Anything the page asks for beyond loopback (the client's web fonts on Microsoft's CDN) is refused here.
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(playground.url);
  return { page, context, ui: playgroundPage(page) };
}

describe("Cohort Bot in Microsoft 365 Agents Playground", () => {
  let page: Page;
  let ui: PlaygroundPage;

  it(
    "as a member: help, an FAQ answer, next and status in the personal chat",
    async () => {
      ({ page, ui } = await openAs(AISHA));
      await ui.openChat("Personal Chat");

      const help = await ui.ask("help");
      await expect(help.textContent()).resolves.toContain("I help with the Social Prescribing Innovators Programme");
      await expect(help.textContent()).resolves.toContain("Tower Hamlets Grow Our Own Link Workers");
      // "<question>" in the help text is shown in italics without brackets (no glyph a font may lack).
      await expect(help.textContent()).resolves.toContain("ask question — ask a question about the programme");
      await screenshot(page, "teams-help");

      const answer = await ui.ask("How much grant does each team get?");
      await expect(answer.textContent()).resolves.toContain("£10,000");
      await screenshot(page, "teams-faq");

      const next = await ui.ask("next");
      await expect(next.textContent()).resolves.toMatch(/Next coaching session/i);
      await screenshot(page, "teams-next");

      const status = await ui.ask("status");
      await expect(status.textContent()).resolves.toContain("hasn't started its November 2022 update yet");
      await expect(status.getByRole("button", { name: "Start update" }).isVisible()).resolves.toBe(true);
      await screenshot(page, "teams-status");
    },
    LONG,
  );

  it(
    "as a member: @mention in the team channel is answered privately, with a note in the post's thread",
    async () => {
      await ui.openChannel("General");
      await ui.post("next");
      await ui.threadNotes().first().waitFor();
      expect(await ui.threadNotes().count()).toBe(1);
      await expect(ui.threadNotes().first().textContent()).resolves.toContain(
        "Aisha, I've answered you in our 1:1 chat.",
      );
      await screenshot(page, "teams-channel-mention");
    },
    LONG,
  );

  it(
    "a reminder reaches the team channel through the playground's connector (stored reference + serviceUrl)",
    async () => {
      const [channel] = await server.deps.programmes.findChannels("teams", TEAM.channelId);
      expect(channel?.conversationRef).toMatchObject({ serviceUrl: `${playgrounds[0]!.url}/_connector` });
      // Wednesday 30 Nov 09:00, the due day: what the scheduler would do on its tick.
      const result = await server.tick("2022-11-30T09:00:00Z");
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const reminder = page.locator(".ac-adaptiveCard").filter({ hasText: "November 2022 update is due" });
      await reminder.first().waitFor();
      await reminder.first().scrollIntoViewIfNeeded();
      await screenshot(page, "teams-reminder");
    },
    LONG,
  );

  it(
    "as a member: @mention in a group chat is answered privately, with a note in the chat",
    async () => {
      await ui.openChat("SPI link worker leads");
      await ui.mention("when will the results be shared?");
      await ui.threadNotes().first().waitFor();
      expect(await ui.threadNotes().count()).toBe(1);
      await screenshot(page, "teams-group-chat");
      // The answer itself is in the personal chat (the playground maps the bot's new 1:1 conversation there).
      await ui.openChat("Personal Chat");
      await ui.cards().filter({ hasText: "shared in March 2023" }).first().waitFor();
    },
    LONG,
  );

  it(
    "as a member: the whole update in a card — launcher, form, one invalid field, then saved, then status",
    async () => {
      await ui.openChat("Personal Chat");
      const launcher = await ui.ask("update");
      await expect(launcher.getByRole("button", { name: "Monthly progress update" }).isVisible()).resolves.toBe(true);
      await screenshot(page, "teams-update-card");

      await launcher.getByRole("button", { name: "Fill in here" }).click();
      const form = ui
        .cards()
        .filter({ has: page.getByRole("button", { name: "Submit update" }) })
        .last();
      await form.waitFor();
      // Microsoft's renderer shows a compact Input.ChoiceSet as a Fluent combobox.
      await form.getByRole("combobox", { name: "Overall status" }).click();
      await page.getByRole("option", { name: "On track", exact: true }).click();
      await form.getByLabel("Progress this month").fill("Induction pack tested with two new link workers.");
      await form.getByLabel("People supported / referrals this month").fill("12");
      // More than the team's £10,000 award: only the server's zod schema knows that.
      await form.getByLabel("Grant spent to date (£)").fill("25000");
      await form.getByRole("button", { name: "Submit update" }).click();
      const error = ui.cards().getByText("is more than your team's award of £10,000");
      await error.waitFor();
      await expect(ui.cards().last().getByLabel("Progress this month").inputValue()).resolves.toContain(
        "Induction pack",
      );
      await error.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await screenshot(page, "teams-update-form-error");
      expect(await server.db.prisma.progressUpdate.count()).toBe(0);

      const again = ui
        .cards()
        .filter({ has: page.getByRole("button", { name: "Submit update" }) })
        .last();
      await again.getByLabel("Grant spent to date (£)").fill("2500");
      await again.getByRole("button", { name: "Submit update" }).click();
      // The confirmation takes the form's place (Action.Execute answered with a card).
      await ui.cards().filter({ hasText: "Thanks — the November 2022 update for Tower Hamlets" }).waitFor();
      expect(
        await ui
          .cards()
          .filter({ has: page.getByRole("button", { name: "Submit update" }) })
          .count(),
      ).toBe(0);
      await screenshot(page, "teams-update-saved");
      const saved = await server.db.prisma.progressUpdate.findMany({ include: { team: true } });
      expect(saved.map((u) => [u.team.key, u.status])).toEqual([["tower-hamlets", "submitted"]]);
      expect(saved[0]!.data).toMatchObject({ people: 12, spend: 2500 });

      const status = await ui.ask("status");
      await expect(status.textContent()).resolves.toContain("November 2022 update is submitted");
      await expect(status.getByRole("button", { name: "Edit update" }).isVisible()).resolves.toBe(true);
    },
    LONG,
  );

  it(
    "as staff: the digest card",
    async () => {
      ({ page, ui } = await openAs(AMARA));
      await ui.openChat("Personal Chat");
      const digest = await ui.ask("digest 2022-11");
      await expect(digest.textContent()).resolves.toContain("Progress digest: November 2022");
      await expect(digest.textContent()).resolves.toContain("Tower Hamlets");
      await screenshot(page, "teams-digest");
    },
    LONG,
  );

  it("nothing left 127.0.0.1: the playground tried no outside connection; the page only its web fonts", () => {
    for (const p of playgrounds) expect(p.outsideAttempts()).toEqual([]);
    // Segoe UI and an animation script on Microsoft's CDN, referenced by the playground's own page: refused.
    expect(blocked.filter((url) => !url.startsWith("https://res-1.cdn.office.net/files/fabric-cdn-prod_"))).toEqual([]);
  });
});
