import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { launchChromium, screenshot } from "./browser.js";

/**
 * The README's "Try it in 2 minutes" tour, step by step, as a newcomer does it: a fresh clone's first
 * `npm start` (a new embedded database, real time, no credentials), then the page in a real browser.
 * Each step checks what the README says the newcomer will see. UPDATE_SCREENSHOTS=1 refreshes
 * docs/screenshots/playground-*.png from this walk.
 */
const SLOW = { timeout: 60_000 };

describe("the README tour in a real browser, from a fresh start", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-tour-"));
  let server: SpawnedServer;
  let browser: Browser;
  let page: Page;
  const notFound: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      spawnServer(
        { DATABASE_URL: `pglite:${path.join(dir, "db")}`, PLAYGROUND: "", NODE_ENV: "development" },
        {
          timeoutMs: 120_000,
        },
      ),
      launchChromium(),
    ]);
    page = await browser.newPage({
      viewport: { width: 1280, height: 860 },
      locale: "en-GB",
      timezoneId: "Europe/London",
    });
    page.setDefaultTimeout(30_000);
    page.on("response", (r) => {
      if (r.status() === 404) notFound.push(r.url());
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const messages = () => page.locator("#messages .message");
  const lastBotMessage = () => page.locator(".message.from-bot").last();
  const say = async (text: string) => {
    await page.getByLabel("Message to Cohort Bot").fill(text);
    await page.keyboard.press("Enter");
  };
  const status = () => page.locator("#clock-status").textContent();

  it(
    "step 1: a member picked in I am lands in their team channel on the day the first update opens",
    SLOW,
    async () => {
      await page.goto(server.url);
      await expect(page.locator("h1").textContent()).resolves.toContain("Innovators");
      await page.getByLabel("I am").selectOption("aisha-rahman");
      await expect.poll(() => page.locator("#channel-title").textContent()).toBe("# tower-hamlets");
      // A weekday morning inside the programme (Mon 24 Oct 2022, 09:00, plus the seconds since start-up).
      expect(await page.locator("#clock-now").textContent()).toMatch(/^Mon 24 Oct 2022, 09:0\d$/);
      // The scheduler's first run posted the announcement, with its Update button.
      await expect
        .poll(() => messages().first().textContent(), SLOW)
        .toContain("The October 2022 progress update is open");
      await expect(messages().first().getByRole("button", { name: "Update" }).count()).resolves.toBe(1);
    },
  );

  it("step 2: answers a question and the commands, privately", SLOW, async () => {
    await say("How much grant does each team get?");
    await expect.poll(() => lastBotMessage().textContent()).toContain("£10,000");
    await expect(page.locator(".message.mine").last().textContent()).resolves.toContain("How much grant");
    await screenshot(page, "playground-chat");

    await say("next");
    await expect.poll(() => lastBotMessage().textContent()).toContain("Next coaching session");
    // The coaching session's link comes first (a workshop ahead is listed apart, with its own).
    const link = lastBotMessage().getByRole("link", { name: "join the meeting" }).first();
    expect(await link.getAttribute("href")).toMatch(/^https:\/\/meet\.example\.org\/spi\//);

    await say("status");
    await expect.poll(() => lastBotMessage().textContent()).toContain("hasn't started its October 2022 update yet");
    // A question the FAQ cannot answer goes to the programme team (seen again in step 5).
    await say("Can our link workers bring their dogs to the QI training day?");
    await expect.poll(() => lastBotMessage().textContent()).toContain("passed your question to the programme team");
    // Everything typed here so far was answered privately: the line and the answer show "Only visible to you".
    expect(await page.locator(".message.mine:not(.private)").count()).toBe(0);
  });

  it("step 3: `update` opens the form; errors show under the field", SLOW, async () => {
    await say("update");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect(dialog.locator("h2").textContent()).resolves.toBe("Monthly progress update");
    await dialog.getByLabel("Overall status").selectOption("on-track");
    await dialog.getByLabel("Progress this month").fill("Induction pack tested with two new link workers.");
    await dialog.getByLabel("People supported / referrals this month").fill("lots");
    await dialog.getByLabel("Grant spent to date (£)").fill("2500");
    await dialog.getByRole("button", { name: "Submit update" }).click();
    await dialog.locator(".field-error").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-people");
    await screenshot(page, "playground-update-form");

    await dialog.getByLabel("People supported / referrals this month").fill("12");
    await dialog.getByRole("button", { name: "Submit update" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/October 2022 update/);
  });

  it("step 4: the clock jumps to the moments the scheduler sends something", SLOW, async () => {
    const next = page.locator(".chip-next");
    // Derived from the plan: the October nudge, Wed 26 Oct 10:00, to the 11 teams that have not submitted.
    await expect.poll(() => next.textContent()).toBe("Next: Wed 26 Oct 10:00 · October update nudge (11 teams)");
    await next.click();
    await expect.poll(status, SLOW).toMatch(/^Now Wed 26 Oct 2022, 10:00\. Scheduler sent 11 messages\./);

    const dayBefore = page.getByRole("button", { name: /^Coaching day-before: Wed 2 Nov 14:00$/ });
    await dayBefore.click();
    await expect.poll(status, SLOW).toMatch(/^Now Wed 2 Nov 2022, 14:00\. Scheduler sent \d+ messages/);
    await expect
      .poll(() => lastBotMessage().textContent())
      .toContain("QI workshop: PDSA cycles and measuring improvement");
    await lastBotMessage().evaluate((el) => el.scrollIntoView({ block: "end" }));
    await screenshot(page, "playground-reminder");
  });

  it("step 5: staff land in the staff channel, with the digest and staff suggestions", SLOW, async () => {
    await page.getByLabel("I am").selectOption("amara-okafor");
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("# programme-team");
    const chips = await page.locator(".suggestions button[data-suggest]").allTextContents();
    expect(chips).toEqual(expect.arrayContaining(["digest", "unanswered"]));
    expect(chips).not.toContain("update");
    // The October digest (Tue 1 Nov 09:00) was still useful when the clock reached Wed 2 Nov: caught up.
    await expect.poll(() => page.locator("#messages").textContent()).toContain("Progress digest: October 2022");
    await page
      .locator(".message.from-bot", { hasText: "Progress digest: October 2022" })
      .evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "playground-digest");

    // One digest per cycle: posting it again asks first, naming only what is connected here.
    await page.locator(".suggestions").getByRole("button", { name: "digest", exact: true }).click();
    await lastBotMessage().getByRole("button", { name: "Post to staff channels" }).click();
    await expect
      .poll(() => lastBotMessage().textContent())
      .toMatch(
        /The October 2022 digest was already posted at Wed 2 Nov 2022, 14:00 by Cohort Bot \(the scheduled digest\) to programme-team\./,
      );
    expect(await lastBotMessage().textContent()).not.toMatch(/not connected|slack|teams/i);

    // The question Aisha asked in 2022 is dated on the playground's clock.
    await page.locator(".suggestions").getByRole("button", { name: "unanswered", exact: true }).click();
    await expect.poll(() => lastBotMessage().textContent()).toContain("bring their dogs");
    expect(await lastBotMessage().textContent()).toContain("Aisha Rahman, Mon 24 Oct 2022, 09:0");

    // What Aisha typed in her team channel was only for her.
    await page.getByRole("button", { name: /# tower-hamlets/ }).click();
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("# tower-hamlets");
    await expect.poll(() => messages().count()).toBeGreaterThan(0);
    expect(await page.locator("#messages").textContent()).not.toContain("How much grant");
  });

  it(
    "step 6: someone in no team asks to join; staff approve on the card, which then shows the decision",
    SLOW,
    async () => {
      await page.getByLabel("I am").selectOption("visitor");
      await expect.poll(() => page.locator("#channel-title").textContent()).toContain("Cohort Bot");
      await say("join croydon");
      await expect
        .poll(() => lastBotMessage().textContent())
        .toContain("asked the programme team to add you to Croydon");

      await page.getByLabel("I am").selectOption("amara-okafor");
      await expect.poll(() => page.locator("#channel-title").textContent()).toBe("# programme-team");
      const card = page.locator(".message.from-bot", { hasText: "asks to join" }).last();
      await card.getByRole("button", { name: "Approve" }).click();
      // Replaced in place, as Slack replaces it: the decision instead of the buttons, focus back in the composer.
      await expect.poll(() => card.textContent()).toContain("Approved by Amara Okafor");
      expect(await card.getByRole("button").count()).toBe(0);
      await expect.poll(() => lastBotMessage().textContent()).toContain("Added Sam Visitor to Croydon");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("composer-text");
    },
  );

  it("serves everything the page asks for (no 404, favicon included)", async () => {
    const favicon = await page.request.get(`${server.url}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect(notFound).toEqual([]);
  });
});
