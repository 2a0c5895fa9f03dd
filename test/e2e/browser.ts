import { mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (apt-get install chromium), never a downloaded browser. CHROMIUM_PATH overrides. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=en-GB"],
  });
}

/**
 * Saves a screenshot into docs/screenshots/ when UPDATE_SCREENSHOTS=1, so the docs can be refreshed with
 * one command without every test run rewriting tracked images. Install fonts-noto-color-emoji first, or the
 * playground's 💬 is drawn as an empty box (docs/PLAYGROUND.md).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  mkdirSync("docs/screenshots", { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}
