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

  it("answers a typed command and keeps it and its private reply to the person who typed it", async () => {
    const sent = await pg.post("send", { as: member, channel: "tower-hamlets", text: "/cohort next" });
    expect(sent.status).toBe(200);
    const mine = await pg.get(`messages?as=${member}&channel=tower-hamlets`);
    const [line, reply] = mine.body.messages;
    expect(line).toMatchObject({ author: "Aisha Rahman", mine: true, fromBot: false, html: "<p>/cohort next</p>" });
    expect(line.private).toBe(true);
    expect(reply).toMatchObject({ author: "Cohort Bot", fromBot: true, private: true });
    expect(reply.html).toContain("Coming up for Tower Hamlets");
    // The joining link is a link.
    expect(reply.html).toMatch(/<a href="https:\/\/meet\.example\.org\/spi\/[^"]+"[^>]*>join the meeting<\/a>/);
    expect(mine.body.clock.label).toBe("Fri 25 Nov 2022, 10:00");
    // As with a Slack slash command, a teammate sees neither the typed line nor the private reply.
    await pg.post("send", { as: member, channel: "tower-hamlets", text: "Is it going to rain in Tower Hamlets?" });
    const other = await pg.get("messages?as=liam-connor&channel=tower-hamlets");
    expect(other.body.messages).toEqual([]);
    const after = await pg.get(`messages?as=${member}&channel=tower-hamlets&after=${reply.id}`);
    expect(after.body.messages.map((m: { private: boolean }) => m.private)).toEqual([true, true]);
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

    // The team's name ends in "s": "Link Workers' … update", not "Link Workers's".
    await pg.post("send", { as: member, channel: "tower-hamlets", text: "status" });
    const status = (await pg.get(`messages?as=${member}&channel=tower-hamlets`)).body.messages.at(-1);
    expect(status.summary).toMatch(/^✅ Tower Hamlets Grow Our Own Link Workers' November 2022 update is submitted/);
    // It was saved on the playground's clock (Fri 25 Nov 2022), not on the machine's.
    expect(status.summary).toContain("on Fri 25 Nov 2022, 10:00");
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

  it("offers quick jumps to the moments the scheduler sends something, from its own plan", async () => {
    const { body } = await pg.get(`state?as=${member}`);
    expect(body.programme.name).toBe("Social Prescribing Innovators Programme");
    expect(body.clock).toMatchObject({ adjustable: true, wall: "2022-11-25T10:00" });
    // Tower Hamlets' December coaching is Tue 13 Dec 10:00: the day-before reminder goes Mon 12 Dec 10:00.
    expect(body.quickJumps).toContainEqual({ label: "Coaching day-before: Mon 12 Dec 10:00", to: "2022-12-12T10:00" });
    expect(body.quickJumps).toContainEqual({
      label: "November update due day: Wed 30 Nov 09:00",
      to: "2022-11-30T09:00",
    });
    // The staff note goes at noon, not at the 09:00 of the due-day jump.
    expect(body.quickJumps).toContainEqual({
      label: "Who is missing → staff: Wed 30 Nov 12:00",
      to: "2022-11-30T12:00",
    });
    expect(body.quickJumps).toContainEqual({
      label: "November digest → staff: Thu 1 Dec 09:00",
      to: "2022-12-01T09:00",
    });
    // "Next" is the earliest of all, whoever it is for.
    const [next] = body.quickJumps;
    expect(next.next).toBe(true);
    expect(next.label).toMatch(/^Next: \w{3} \d+ \w{3} \d\d:\d\d · /);
    const later = body.quickJumps.slice(1).map((j: { to: string }) => j.to);
    expect(later.every((to: string) => to >= next.to)).toBe(true);
  });

  it("sends a staff person to the staff channel with staff suggestions", async () => {
    const { body } = await pg.get(`channels?as=${staff}`);
    expect(body.home).toBe("staff");
    expect(body.suggestions).toEqual(expect.arrayContaining(["digest", "unanswered"]));
    expect(body.suggestions).not.toContain("update");
    const member_ = await pg.get(`channels?as=${member}`);
    expect(member_.body).toMatchObject({ home: "tower-hamlets" });
    expect(member_.body.suggestions).toContain("update");
  });

  it("dates the unanswered questions on the playground's clock", async () => {
    await pg.post("send", {
      as: member,
      channel: `dm:${member}`,
      text: "Can our link workers bring their dogs to the QI training day?",
    });
    await pg.post("send", { as: staff, channel: "staff", text: "unanswered" });
    const reply = (await pg.get(`messages?as=${staff}&channel=staff`)).body.messages.at(-1);
    expect(reply.html).toContain("bring their dogs");
    expect(reply.html).toContain("Aisha Rahman, Fri 25 Nov 2022, 10:00");
  });

  it("serves a favicon", async () => {
    const res = await fetch(`${pg.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it("rejects a clock jump it cannot read", async () => {
    const res = await pg.post("clock", { to: "next tuesday-ish" });
    expect(res.status).toBe(400);
  });
});
