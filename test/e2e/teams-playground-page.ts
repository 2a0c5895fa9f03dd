import { type Browser, chromium, type Locator, type Page } from "playwright-core";

/**
 * Debian's Chromium with the flags of browser.ts, plus a host resolver rule that makes every name but
 * loopback unresolvable: not only the page but Chromium itself (updates, safe browsing) stays offline.
 */
export function launchOfflineChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--lang=en-GB",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ],
  });
}

export type PlaygroundPage = ReturnType<typeof playgroundPage>;

/**
 * What a person does in the Agents Playground's web UI, in its own words: open a chat or a channel, type
 * to the bot, @mention it. Waits are on what appears on screen (the message sent, the bot's card), never on
 * time. Its composer is a Lexical editor (a contenteditable), so text is typed, not filled.
 */
export function playgroundPage(page: Page) {
  const composer = () => page.locator('[data-lexical-editor="true"]').first();
  const cards = () => page.locator(".ac-adaptiveCard");
  const sent = (text: string) => page.getByText(text, { exact: true });

  async function openConversation(target: Locator): Promise<void> {
    await target.click();
    await composer().waitFor();
    // The chat is live once the playground has told the bot about it (installationUpdate, conversationUpdate).
    await page
      .getByText(/conversationUpdate 200/)
      .last()
      .waitFor();
  }

  /** Types into the composer and sends; resolves once the message shows in the conversation. */
  async function send(text: string, options: { mention?: boolean; post?: boolean } = {}): Promise<void> {
    const before = await sent(text).count();
    await composer().click();
    if (options.mention) {
      await page.keyboard.type("@");
      await page.getByRole("menuitem", { name: "Cohort Bot" }).click();
      await page.keyboard.type(" ");
    }
    await page.keyboard.type(text);
    if (options.post) await page.getByRole("button", { name: "Post", exact: true }).click();
    else await page.keyboard.press("Enter");
    // A mention splits the message into a mention pill and text, so only plain messages are matched whole.
    if (!options.mention) await sent(text).nth(before).waitFor();
  }

  return {
    cards,
    openChat: (name: string) => openConversation(page.getByText(name, { exact: true }).first()),
    /** A channel of the team, by its name in the left rail (General is the team's own conversation id). */
    openChannel: (name: string) => openConversation(page.getByText(name, { exact: true }).first()),
    /** Sends a message in the open chat and resolves with the bot's next card. */
    async ask(text: string): Promise<Locator> {
      const before = await cards().count();
      await send(text);
      await cards().nth(before).waitFor();
      return cards().nth(before);
    },
    /** A new channel post that @mentions the bot. */
    post: (text: string) => send(text, { mention: true, post: true }),
    /** A group chat message that @mentions the bot. */
    mention: (text: string) => send(text, { mention: true }),
    /** The bot's notes that it answered privately (in a channel thread or a group chat). */
    threadNotes: () => cards().filter({ hasText: "I've answered you in our 1:1 chat." }),
  };
}
