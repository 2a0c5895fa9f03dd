import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillSixMonthsOfUpdates } from "../../../scripts/sample-six-months.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { runSchedulerTick } from "../../../src/core/reminders/run-scheduler-tick.js";
import { type HttpServer, startHttpServer } from "../../../src/http/server.js";
import { chartImageRoute } from "../../../src/web/chart-images/chart-image-route.js";
import { createChartUrlSigner } from "../../../src/web/chart-images/chart-url-signer.js";
import { type SlackHarness, startSlackHarness } from "../../support/slack-harness.js";
import { personalMessage, STAFF } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";

const PNG = "89504e470d0a1a0a";
type Block = { type: string; image_url?: string; alt_text?: string };

/**
 * The digest's picture end to end: the digest a staff member gets in Slack (slash command and the
 * scheduled post) carries an image block whose signed URL serves the RAG grid as a PNG from the chart
 * route; Teams gets an Adaptive Card Image; without PUBLIC_URL (no chart links) the digest is text only.
 */
describe("the digest's picture in Slack", () => {
  let h: SlackHarness;
  let charts: HttpServer;

  beforeAll(async () => {
    h = await startSlackHarness({ now: "2022-12-01T10:00:00Z" });
    const programme = (await h.deps.programmes.listProgrammes())[0];
    await fillSixMonthsOfUpdates({ deps: h.deps, programmeId: programme?.id as string });
    // The chart route on its own server, standing in for this server's PUBLIC_URL.
    let signer: ReturnType<typeof createChartUrlSigner> | undefined;
    charts = await startHttpServer({
      routes: () => (signer ? [chartImageRoute({ deps: h.deps, signer })] : []),
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
    });
    signer = createChartUrlSigner({
      publicUrl: `http://127.0.0.1:${charts.port}`,
      secret: Buffer.from("s".repeat(32)),
      clock: h.clock,
    });
    h.deps.chartLinks = signer.links;
  }, 180_000);
  afterAll(async () => {
    await charts?.close();
    await h?.close();
  });

  it("the slash-command digest has an image block whose signed link serves a PNG; a changed link is a 404", async () => {
    const body = (await h.command("digest 2022-11", { user_id: "U0SPISTAFF1", channel_id: "C0SPISTAFF" })).json();
    const image = (body.blocks as Block[]).find((b) => b.type === "image");
    expect(image?.image_url).toMatch(/\/charts\/digest\/[^/]+\/2022-11\.png\?exp=\d+&sig=/);
    expect(image?.alt_text).toContain("November 2022");
    const res = await fetch(image?.image_url as string);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 8)
        .toString("hex"),
    ).toBe(PNG);
    const forged = String(image?.image_url).replace("2022-11.png", "2022-10.png");
    expect((await fetch(forged)).status).toBe(404);
  });

  it("the scheduled digest posted to the staff channel carries the same picture", async () => {
    h.fake.reset();
    await runSchedulerTick({ deps: h.deps, now: new Date("2022-12-01T10:00:00Z") });
    const posts = h.fake.accepted("chat.postMessage").filter((c) => c.params.channel === "C0SPISTAFF");
    const digest = posts.find((c) => JSON.stringify(c.params.blocks).includes("Progress digest"));
    const image = (digest?.params.blocks as Block[] | undefined)?.find((b) => b.type === "image");
    expect(image?.image_url).toContain("/charts/digest/");
  });

  it("without chart links (no PUBLIC_URL) the digest stays text only", async () => {
    const links = h.deps.chartLinks;
    h.deps.chartLinks = undefined;
    try {
      const body = (await h.command("digest 2022-11", { user_id: "U0SPISTAFF1", channel_id: "C0SPISTAFF" })).json();
      expect((body.blocks as Block[]).some((b) => b.type === "image")).toBe(false);
      expect(JSON.stringify(body.blocks)).toContain("Progress digest");
    } finally {
      h.deps.chartLinks = links;
    }
  });
});

describe("the digest's picture in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({
      now: "2022-12-01T10:00:00Z",
      configure: (deps) => {
        deps.chartLinks = createChartUrlSigner({
          publicUrl: "https://bot.example.org",
          secret: Buffer.from("s".repeat(32)),
          clock: deps.clock,
        }).links;
      },
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("is an Adaptive Card Image with alt text", async () => {
    const res = await h.post(
      personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from: STAFF, text: "digest 2022-11" }),
    );
    expect(res.status).toBe(200);
    const card = JSON.stringify(h.connector.activities()[0]?.body.attachments);
    expect(card).toMatch(
      /"type":"Image","url":"https:\/\/bot\.example\.org\/charts\/digest\/[^"]+2022-11\.png\?exp=\d+&sig=[^"]+","altText":"Grid of RAG status/,
    );
  });
});
