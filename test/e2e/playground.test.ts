import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Playground, startPlayground } from "../integration/local/start-playground.js";
import { launchChromium, screenshot } from "./browser.js";

// Friday 25 Nov 2022: the November update is open (due Wed 30 Nov 17:00).
const NOW = "2022-11-25T10:00:00Z";

describe("the playground in a real browser", () => {
  let pg: Playground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [pg, browser] = await Promise.all([startPlayground({ now: NOW }), launchChromium()]);
    page = await browser.newPage({
      viewport: { width: 1280, height: 860 },
      locale: "en-GB",
      timezoneId: "Europe/London",
    });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await pg?.close();
  });

  const lastBotMessage = () => page.locator(".message.from-bot").last();
  const say = async (text: string) => {
    await page.getByLabel("Message to Cohort Bot").fill(text);
    await page.keyboard.press("Enter");
  };

  it("opens on the seeded programme and answers a question", async () => {
    await page.goto(pg.url);
    await expect(page.locator("h1").textContent()).resolves.toContain("Innovators");
    await page.getByLabel("I am").selectOption("aisha-rahman");
    await expect.poll(() => page.locator("#channel-title").textContent()).toBe("# tower-hamlets");
    expect(await page.locator("#clock-now").textContent()).toBe("Fri 25 Nov 2022, 10:00");

    await say("How much grant does each team get?");
    await expect.poll(() => lastBotMessage().textContent()).toContain("£10,000");
    await expect(page.locator(".message.mine").last().textContent()).resolves.toContain("How much grant");
    await screenshot(page, "playground-chat");
  });

  it("opens the update form as a dialog, shows an inline error, then saves", async () => {
    await say("update");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect(dialog.locator("h2").textContent()).resolves.toBe("Monthly progress update");
    // Focus moves into the dialog.
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);

    await dialog.getByLabel("Overall status").selectOption("on-track");
    await dialog.getByLabel("Progress this month").fill("Induction pack tested with two new link workers.");
    await dialog.getByLabel("People supported / referrals this month").fill("lots");
    await dialog.getByLabel("Grant spent to date (£)").fill("2500");
    await dialog.getByRole("button", { name: "Submit update" }).click();

    const error = dialog.locator(".field-error");
    await error.waitFor();
    expect(await dialog.locator(".field-error").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-people");
    expect(await dialog.getByLabel("Progress this month").inputValue()).toContain("Induction pack");
    await screenshot(page, "playground-update-form");

    await dialog.getByLabel("People supported / referrals this month").fill("12");
    await dialog.getByRole("button", { name: "Submit update" }).click();
    await dialog.waitFor({ state: "hidden" });
    const saved = await pg.db.prisma.progressUpdate.findMany({ include: { team: true } });
    expect(saved.map((u) => [u.team.key, u.status])).toEqual([["tower-hamlets", expect.any(String)]]);
    await expect.poll(() => page.locator(".message.private").count()).toBeGreaterThanOrEqual(1);
  });

  it("jumps the clock: a reminder reaches a team channel, then the digest reaches staff", async () => {
    await page.getByLabel("I am").selectOption("amara-okafor");
    // Staff see every team's channel and the staff channel.
    await expect.poll(() => page.locator("#channel-list button").count()).toBe(14);

    await page.getByRole("button", { name: /update due day/ }).click();
    await expect.poll(() => page.locator("#clock-status").textContent()).toMatch(/^Now Wed 30 Nov 2022, 09:00/);
    await page.getByRole("button", { name: /# lambeth/ }).click();
    await expect.poll(() => lastBotMessage().textContent()).toMatch(/November 2022 update is due/);
    await expect(lastBotMessage().getByRole("button", { name: "Update" }).count()).resolves.toBe(1);
    await screenshot(page, "playground-reminder");

    await page.getByRole("button", { name: /digest/ }).click();
    await expect.poll(() => page.locator("#clock-status").textContent()).toMatch(/^Now Thu 1 Dec 2022, 09:00/);
    await page.getByRole("button", { name: /# programme-team/ }).click();
    await expect.poll(() => page.locator(".messages").textContent()).toContain("Progress digest: November 2022");
    await lastBotMessage().evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "playground-digest");
  });
});
