import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Playground, startPlayground } from "./start-playground.js";

// A Friday while the November update is open; the playground clock only moves when a test jumps it.
const NOW = "2022-11-25T10:00:00Z";
const member = "aisha-rahman"; // Tower Hamlets
const staff = "amara-okafor";

describe("playground JSON API", () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startPlayground({ now: NOW });
  });
  afterAll(async () => {
    await pg?.close();
  });

  it("serves the page with the programme name as HTML", async () => {
    const res = await fetch(`${pg.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.toLowerCase()).toContain("innovators");
    expect(html).toContain("<title>Social Prescribing Innovators Programme");
    expect(html).toContain('<option value="aisha-rahman">Aisha Rahman</option>');
    expect(html.match(/<option value="[a-z-]+" selected>/g)).toHaveLength(1); // starts as a team member
    expect(html).toContain('<optgroup label="Programme staff"><option value="amara-okafor">Amara Okafor</option>');
    const js = await fetch(`${pg.url}/playground/static/playground.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await js.text()).toContain("/playground/api/");
    expect((await fetch(`${pg.url}/playground/static/../../package.json`)).status).toBe(404);
  });

  it("lists a member's own team channel and personal chat only; staff see every channel", async () => {
    const mine = await pg.get(`channels?as=${member}`);
    expect(mine.status).toBe(200);
    expect(mine.body.channels.map((c: { id: string }) => c.id)).toEqual(["tower-hamlets", `dm:${member}`]);
    const all = await pg.get(`channels?as=${staff}`);
    const ids = all.body.channels.map((c: { id: string }) => c.id);
    expect(ids[0]).toBe("staff");
    expect(ids).toHaveLength(1 + 12 + 1);
    expect(ids).toContain("lambeth");
    expect((await pg.get("channels?as=nobody")).status).toBe(404);
  });

  it("answers a typed command and keeps a private reply to the person who asked", async () => {
    const sent = await pg.post("send", { as: member, channel: "tower-hamlets", text: "/cohort next" });
    expect(sent.status).toBe(200);
    const mine = await pg.get(`messages?as=${member}&channel=tower-hamlets`);
    const [line, reply] = mine.body.messages;
    expect(line).toMatchObject({ author: "Aisha Rahman", mine: true, fromBot: false, html: "<p>/cohort next</p>" });
    expect(reply).toMatchObject({ author: "Cohort Bot", fromBot: true, private: true });
    expect(reply.html).toContain("Coming up for Tower Hamlets");
    expect(mine.body.clock.label).toBe("Fri 25 Nov 2022, 10:00");
    // A teammate sees the line typed in the channel, not the private reply.
    const other = await pg.get("messages?as=liam-connor&channel=tower-hamlets");
    expect(other.body.messages.map((m: { id: number }) => m.id)).toEqual([line.id]);
    const after = await pg.get(`messages?as=${member}&channel=tower-hamlets&after=${reply.id}`);
    expect(after.body.messages).toEqual([]);
  });

  it("escapes what people type", async () => {
    await pg.post("send", { as: member, channel: `dm:${member}`, text: '<img src=x onerror="alert(1)"> hi' });
    const { body } = await pg.get(`messages?as=${member}&channel=dm:${member}`);
    expect(body.messages[0].html).toBe("<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; hi</p>");
  });

  it("refuses another team's channel, for reading and for sending", async () => {
    const read = await pg.get(`messages?as=${member}&channel=lambeth`);
    expect(read.status).toBe(403);
    const send = await pg.post("send", { as: member, channel: "staff", text: "help" });
    expect(send.status).toBe(403);
    expect(send.body.error).toMatch(/not in that channel/);
    const dm = await pg.get(`messages?as=${member}&channel=dm:${staff}`);
    expect(dm.status).toBe(403);
  });

  it("refuses cross-site and non-JSON posts", async () => {
    const forged = await pg.post(
      "send",
      { as: member, channel: "tower-hamlets", text: "help" },
      {
        origin: "http://evil.example",
      },
    );
    expect(forged.status).toBe(403);
    const form = await fetch(`${pg.url}/playground/api/send`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "as=aisha-rahman&channel=tower-hamlets&text=help",
    });
    expect(form.status).toBe(415);
    const bad = await pg.post("send", { as: member, channel: "tower-hamlets", text: "   " });
    expect(bad.status).toBe(400);
    expect((await pg.get("nope")).status).toBe(404);
  });

  it("opens the update form, shows field errors inline, then saves a valid update", async () => {
    const opened = await pg.post("send", { as: member, channel: "tower-hamlets", text: "update" });
    expect(opened.status).toBe(200);
    const { token, html } = opened.body.form;
    expect(html).toContain('data-form-id="progress-update"');
    expect(html).toContain('<label for="field-progress">');

    const valid = {
      rag: "on-track",
      progress: "Induction pack tested with two new link workers.",
      people: "12",
      spend: "2500",
    };
    const invalid = await pg.post("form", { as: member, token, values: { ...valid, people: "lots" } });
    expect(invalid.status).toBe(200);
    expect(invalid.body.ok).toBe(false);
    expect(Object.keys(invalid.body.errors)).toEqual(["people"]);
    expect(invalid.body.html).toContain(
      'id="field-people" name="people" required aria-required="true" aria-invalid="true"',
    );
    expect(invalid.body.html).toContain('value="lots"'); // what they typed is kept

    // Only the person the form was opened for can submit it.
    expect((await pg.post("form", { as: "liam-connor", token, values: valid })).status).toBe(410);

    const saved = await pg.post("form", { as: member, token, values: valid });
    expect(saved.body).toEqual({ ok: true });
    const rows = await pg.db.prisma.progressUpdate.findMany({ include: { team: true } });
    expect(rows.map((r) => r.team.key)).toEqual(["tower-hamlets"]);
    // The token is spent once the update is saved.
    expect((await pg.post("form", { as: member, token, values: valid })).status).toBe(410);
  });

  it("runs button actions through the core", async () => {
    const pressed = await pg.post("action", {
      as: member,
      channel: "tower-hamlets",
      action: "no.such.button",
    });
    expect(pressed.status).toBe(200);
    const { body } = await pg.get(`messages?as=${member}&channel=tower-hamlets`);
    expect(body.messages.at(-1).html).toContain("That button is no longer available");
    const update = await pg.post("action", { as: member, channel: "tower-hamlets", action: "update.open" });
    expect(update.body.form?.html).toContain("Monthly progress update");
  });

  it("offers quick jumps from the programme's own schedule", async () => {
    const { body } = await pg.get("state");
    expect(body.programme.name).toBe("Social Prescribing Innovators Programme");
    expect(body.clock).toMatchObject({ adjustable: true, wall: "2022-11-25T10:00" });
    const labels = body.quickJumps.map((j: { label: string }) => j.label);
    expect(labels.some((l: string) => l.startsWith("Day before a coaching session"))).toBe(true);
    expect(body.quickJumps).toContainEqual({ label: "2022-11 update due day (Wed 30 Nov)", to: "2022-11-30T09:00" });
    expect(body.quickJumps).toContainEqual({
      label: "Day after the 2022-11 due date: digest (Thu 1 Dec)",
      to: "2022-12-01T09:00",
    });
  });

  it("rejects a clock jump it cannot read", async () => {
    const res = await pg.post("clock", { to: "next tuesday-ish" });
    expect(res.status).toBe(400);
  });
});
