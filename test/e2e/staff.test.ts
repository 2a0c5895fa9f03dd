import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaffServer, startStaffServer } from "../support/start-staff-server.js";
import { launchChromium, screenshot } from "./browser.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * axe-core in the page (evaluated through the DevTools protocol: the pages' CSP allows no scripts, and
 * bypassing it would test a different page). Returns the serious and critical violations.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

// 3 April 2023: the programme has ended; every month's update was due.
describe("the staff pages in a real browser, on six months of sample updates", () => {
  let s: StaffServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startStaffServer({ sixMonths: true }), launchChromium()]);
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "Europe/London",
    });
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("the overview: charts with text alternatives, no serious accessibility problems", async () => {
    await page.goto(`${s.url}/staff?as=amara-okafor`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Programme overview");
    expect(await page.locator("figure.chart svg[role=img]").count()).toBeGreaterThanOrEqual(5);
    // Every chart has a caption and a data table.
    const figures = await page.locator("figure.chart").count();
    expect(await page.locator("figure.chart figcaption").count()).toBe(figures);
    expect(await page.locator("figure.chart details table").count()).toBe(figures);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "staff-overview");
  });

  it("the data behind a chart opens as a table", async () => {
    const rag = page.locator("#rag + figure");
    await rag.getByText("Show the data as a table").click();
    await expect(rag.locator("table caption").textContent()).resolves.toBe("RAG status by team and month");
    await expect(rag.locator("tbody tr").first().textContent()).resolves.toContain("Barnet");
  });

  it("a staff member answers a question from the page", async () => {
    const question = page.locator("article.question").first();
    await question.getByLabel(/Your answer/).fill("Yes: up to 30 April, agreed with your coach.");
    await question.getByRole("button", { name: "Send answer" }).click();
    await expect(page.locator(".notice").textContent()).resolves.toMatch(
      /Saved as FAQ entry .* sent to the person who asked/,
    );
    expect(await page.locator("article.question").count()).toBe(1);
  });

  it("a team page: run chart with signals, RAG timeline, versions; no serious accessibility problems", async () => {
    await page.getByRole("link", { name: "Lambeth Community Connections" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Lambeth Community Connections");
    await expect(page.locator("#measure ~ figure figcaption").first().textContent()).resolves.toContain(
      "a trend: 6 points rising",
    );
    expect(await page.url()).toContain("as=amara-okafor");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "staff-team");
  });

  it("a coach opening another coach's team is refused", async () => {
    const res = await page.goto(`${s.url}/staff/teams/lambeth?as=priya-shah`);
    expect(res?.status()).toBe(403);
    await expect(page.locator("h1").textContent()).resolves.toBe("Not allowed");
  });

  it("the report: one file, every team on its own printed page, no serious accessibility problems", async () => {
    const res = await page.goto(`${s.url}/staff/report?as=amara-okafor`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("section.team-section").count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "staff-report");
    // Print: the team sections start on a new page and the data tables are shown.
    await page.emulateMedia({ media: "print" });
    const breakBefore = await page
      .locator("section.team-section")
      .first()
      .evaluate((e) => getComputedStyle(e).breakBefore);
    expect(breakBefore).toBe("page");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.emulateMedia({ media: "screen" });
  });
});
