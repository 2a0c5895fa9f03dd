import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgrammeFile } from "../../src/config/load-programme-file.js";
import { runAction } from "../../src/core/commands/run-command.js";
import { importProgramme } from "../../src/db/import-programme.js";
import { openDatabase } from "../../src/db/open-database.js";
import { renderHtmlMessage } from "../../src/platforms/local/render/render-message.js";
import { slackIdentity } from "../../src/platforms/slack/slack-identity.js";
import { renderTeamsActivity } from "../../src/platforms/teams/cards/render-message.js";
import { startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { runCli } from "../support/run-cli.js";
import { fixture, type SlackHarness, startSlackHarness } from "../support/slack-harness.js";
import { spawnServer } from "../support/spawn-server.js";
import { personalMessage, MEMBER as TEAMS_MEMBER } from "../support/teams-activities.js";
import { GOOD_UPDATE, openUpdateModal, viewSubmission } from "./support/slack-modal.js";
import { slashCommand } from "./support/slack-server.js";

/**
 * Promise: only genuine platform requests are processed (unsigned, forged or stale Slack requests and
 * unauthenticated Teams activities in production get 401 and change nothing); members cannot run staff
 * commands or read another team's update; text people type can never ping, mention, link or inject
 * markup when it is shown back (Slack, Teams, playground) nor run as a spreadsheet formula in an export;
 * and secret values never reach the logs, even at debug level.
 */
const MEMBER = "U0SPITWH1"; // Aisha Rahman, Tower Hamlets (sample data)
const TEAM_CHANNEL = "C0SPITWH";
const STAFF = "U0SPISTAFF1";
const EVIL =
  '=HYPERLINK("https://evil.example") <!channel> <!here> <@U0SPISTAFF2> <https://evil.example|click here> [click](https://evil.example) <at>Amara</at> <script>alert(1)</script> *bold* &amp;';
const TEXT_FIELDS = ["progress", "pdsa", "measure", "wins", "blockers", "supportDetail", "notes"];

describe("security", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => h?.close());

  it("Slack: unsigned, forged and expired requests get 401 and change nothing", async () => {
    const modes = ["none", "bad", "old"] as const;
    const statuses: number[] = [];
    for (const mode of modes) {
      statuses.push((await h.command("ask where is the secret vault?", { user_id: MEMBER }, mode)).status);
      const body = new URLSearchParams({ payload: JSON.stringify(fixture("block-actions.json")) }).toString();
      statuses.push((await h.post(body, "application/x-www-form-urlencoded", mode)).status);
    }
    const processed = (await h.db.prisma.unansweredQuestion.count()) + h.fake.calls.length;
    console.log(
      `[reliability] security/slack signatures: forged requests=${statuses.length}, accepted=${statuses.filter((s) => s !== 401).length}, processed=${processed}`,
    );
    expect(statuses).toEqual(Array(statuses.length).fill(401));
    expect(processed).toBe(0);
  });

  it("a member cannot run staff commands", async () => {
    const attempts = ["digest", "unlock tower-hamlets", "answer 1 the answer is 42", "unanswered"];
    const before = await h.db.prisma.auditLog.count();
    let allowed = 0;
    for (const text of attempts) {
      h.fake.reset();
      const res = await h.command(text, { user_id: MEMBER, channel_id: TEAM_CHANNEL });
      expect(res.status).toBe(200);
      const reply = res.text + JSON.stringify(h.fake.calls.map((c) => c.params));
      if (!/programme staff|staff only|only .*staff|programme team/i.test(reply)) allowed++;
    }
    const changed = (await h.db.prisma.auditLog.count()) - before + (await h.db.prisma.cycleUnlock.count());
    console.log(
      `[reliability] security/staff commands: attempts=${attempts.length}, allowed=${allowed}, changes=${changed}`,
    );
    expect(allowed).toBe(0);
    expect(changed).toBe(0);
  });

  it("a member cannot read another team's update; typed markup is inert everywhere it is shown", async () => {
    // An update from the member's own team, with hostile text in every text field...
    const view = await openUpdateModal(h, MEMBER, TEAM_CHANNEL);
    const values = { ...GOOD_UPDATE, ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, `${f}: ${EVIL}`])) };
    const saved = await h.interaction(viewSubmission(view, MEMBER, values));
    expect(saved.text).toBe("");
    const update = await h.db.prisma.progressUpdate.findFirstOrThrow({ include: { team: true } });

    // ...which a member of another team asks to see.
    const other = await h.db.prisma.member.findFirstOrThrow({
      where: { role: "member", teamId: { not: update.teamId }, identities: { some: { platform: "slack" } } },
      include: { identities: true },
    });
    const otherSlack = other.identities.find((i) => i.platform === "slack")?.externalId as string;
    h.fake.reset();
    const peek = await h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      user: { id: otherSlack, username: "other", name: "other", team_id: "T0SPIWORK" },
      channel: { id: "C0OTHER", name: "other" },
      response_url: h.fake.responseUrl,
      trigger_id: "trig-peek-1",
      actions: [{ action_id: "update.view", block_id: "b1", type: "button", value: update.id, action_ts: "1.2" }],
    });
    expect(peek.status).toBe(200);
    const [peekReply] = await h.fake.waitFor("response", 1, 10_000);
    const leaked = JSON.stringify(peekReply?.params).includes("progress: ") ? 1 : 0;

    // Staff view it: Slack (through HTTP), and the same message rendered for Teams and the playground.
    h.fake.reset();
    await h.interaction({
      ...fixture<Record<string, unknown>>("block-actions.json"),
      user: { id: STAFF, username: "amara", name: "amara", team_id: "T0SPIWORK" },
      channel: { id: "C0SPISTAFF", name: "spi-programme-team" },
      response_url: h.fake.responseUrl,
      trigger_id: "trig-staff-view-1",
      actions: [{ action_id: "update.view", block_id: "b1", type: "button", value: update.id, action_ts: "1.3" }],
    });
    const [staffReply] = await h.fake.waitFor("response", 1, 10_000);
    const slackText = JSON.stringify(staffReply?.params);
    const reply = await runAction(h.deps, {
      identity: slackIdentity(STAFF, "amara"),
      action: "update.view",
      value: update.id,
    });
    if (reply.type !== "message") throw new Error("expected a message");
    const teamsText = JSON.stringify(renderTeamsActivity(reply.message));
    const html = renderHtmlMessage(reply.message);

    const shown = TEXT_FIELDS.filter((f) => slackText.includes(`${f}: `)).length;
    const injections = [
      ...["<!channel>", "<!here>", "<@U0SPISTAFF2>", "<https://evil.example|"].filter((s) => slackText.includes(s)),
      ...["<at>", "<script>"].filter((s) => teamsText.includes(s)),
      // A markdown link needs an unescaped "](": escapeMarkdown sends "\\]" (JSON-encoded "\\\\]").
      ...(/(?<!\\\\)\]\(https:\/\/evil/.test(teamsText) ? ["markdown link in Teams"] : []),
      ...["<script>", 'href="https://evil.example', "<at>"].filter((s) => html.includes(s)),
    ];
    console.log(
      `[reliability] security/cross-team + injection: other-team reads leaked=${leaked}; fields shown to staff=${shown}, live injections (Slack/Teams/HTML)=${injections.length}`,
    );
    expect(leaked).toBe(0);
    expect(JSON.stringify(peekReply?.params)).toMatch(/your own team|not allowed|can't|cannot|only/i);
    expect(shown).toBeGreaterThanOrEqual(3);
    expect(injections).toEqual([]);
  });

  it("the CSV export neutralises spreadsheet formulas (real CLI)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-rel-csv-"));
    try {
      const db = await openDatabase({ kind: "pglite", dir: path.join(dir, "db") });
      await importProgramme(db.prisma, loadProgrammeFile("prisma/seed/sp-innovators.yaml"));
      const [team, cycle] = await Promise.all([
        db.prisma.team.findFirstOrThrow(),
        db.prisma.reportingCycle.findFirstOrThrow(),
      ]);
      const formulas = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x", '=HYPERLINK("https://evil.example")'];
      await db.prisma.progressUpdate.create({
        data: {
          teamId: team.id,
          cycleId: cycle.id,
          status: "submitted",
          data: {
            rag: "on-track",
            progress: formulas[0],
            pdsa: formulas[1],
            wins: formulas[2],
            blockers: formulas[3],
            notes: formulas[4],
            measure: formulas[5],
            supportDetail: formulas[6],
            people: 1,
            spend: 10,
          },
        },
      });
      await db.close();
      const out = await runCli(["export", "updates", "--format", "csv"], {
        env: { DATABASE_URL: `pglite:${path.join(dir, "db")}` },
      });
      expect(out.code).toBe(0);
      const cells = (parseCsv(out.stdout) as string[][]).slice(1).flat();
      const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
      const neutralised = cells.filter((c) => /^'[=+\-@\t\r]/.test(c)).length;
      console.log(
        `[reliability] security/csv: formula cells injected=${formulas.length}, neutralised=${neutralised}, live=${live.length}`,
      );
      expect(live).toEqual([]);
      expect(neutralised).toBeGreaterThanOrEqual(formulas.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("security: production server at LOG_LEVEL=debug", () => {
  it("refuses unauthenticated Teams activities and never logs a secret", async () => {
    const fake = await startFakeSlackApi();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-rel-sec-"));
    const secrets = {
      SLACK_SIGNING_SECRET: "8f14e45fceea167a5a36dedd4bea2543",
      SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
      CLIENT_SECRET: "Qx8~Zr4.Lm2_Vt7Bn9-Kp3Wd6Yh1Jc5Gs0Fa",
      OPENAI_API_KEY: "sk-proj-Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe",
    };
    const server = await spawnServer(
      {
        NODE_ENV: "production",
        LOG_LEVEL: "debug",
        DATABASE_URL: `pglite:${path.join(dir, "db")}`,
        SLACK_API_URL: fake.url,
        CLIENT_ID: "00000000-0000-0000-0000-0000000000c1",
        TENANT_ID: "00000000-0000-0000-0000-0000000000t1",
        OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
        SCHEDULER_CRON: "* * * * * *",
        ...secrets,
      },
      { timeoutMs: 60_000 },
    );
    try {
      // Teams: no token, a malformed token, a forged JWT.
      const activity = personalMessage({
        serviceUrl: "http://127.0.0.1:9",
        id: "sec-1",
        from: TEAMS_MEMBER,
        text: "help",
      });
      const forged = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ aud: "x" })).toString("base64url")}.c2ln`;
      const teamsStatuses: number[] = [];
      for (const auth of [undefined, "Bearer not-a-jwt", `Bearer ${forged}`]) {
        const res = await fetch(`${server.url}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
          body: JSON.stringify(activity),
        });
        teamsStatuses.push(res.status);
      }
      // Exercise Slack: good and bad signatures, a question (FAQ + unreachable LLM), a form.
      const signed = (text: string) =>
        slashCommand(server.url, { text, user_id: MEMBER, channel_id: TEAM_CHANNEL, response_url: fake.responseUrl });
      await signed("help");
      await signed("ask how much is the grant?");
      await signed("update");
      await fetch(`${server.url}/slack/events`, {
        method: "POST",
        headers: { "x-slack-signature": "v0=bad", "x-slack-request-timestamp": "1" },
        body: "x=1",
      });
      await new Promise((r) => setTimeout(r, 1_500));
      const log = server.output();
      const hits = Object.entries(secrets).filter(([, v]) => log.includes(v) || log.includes(v.slice(8, 24)));
      console.log(
        `[reliability] security/production: unauthenticated Teams activities=3, accepted=${teamsStatuses.filter((s) => s !== 401).length}; log lines=${log.split("\n").length}, secret hits=${hits.length}`,
      );
      expect(teamsStatuses).toEqual([401, 401, 401]);
      expect(log.split("\n").length).toBeGreaterThan(5);
      expect(hits.map(([k]) => k)).toEqual([]);
    } finally {
      await server.stop();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
