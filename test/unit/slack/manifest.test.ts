import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const manifest = parse(readFileSync("manifest/slack/manifest.yaml", "utf8"));

describe("manifest/slack/manifest.yaml", () => {
  it("points the command, interactivity and events at the one /slack/events URL", () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
    ];
    expect(new Set(urls)).toEqual(new Set(["https://YOUR-HOST/slack/events"]));
    expect(manifest.features.slash_commands[0].command).toBe("/cohort");
  });

  it("asks only for the scopes the code uses, and the events it handles", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      "app_mentions:read",
      "channels:history",
      "chat:write",
      "commands",
      "groups:history",
      "im:history",
      "users:read",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "message.im", "app_mention"]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // People can write to the bot (questions in a DM), and mentions reach `add` as user ids.
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.features.slash_commands[0].should_escape).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("is ready for Sign in with Slack to the staff pages: the callback URL and the OpenID scopes only", () => {
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://YOUR-HOST/auth/slack/callback"]);
    expect(manifest.oauth_config.scopes.user.sort()).toEqual(["email", "openid", "profile"]);
  });
});
