import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProgrammeSource } from "../../../src/config/load-programme-file.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { notConfiguredSignIn } from "../../../src/web/auth/not-configured-sign-in.js";
import { type StaffServer, startStaffServer } from "../../support/start-staff-server.js";

// Cohort 2: another programme on the same server, with its own staff member and team.
const COHORT_2 = `
version: 1
programme: { slug: cohort-2, name: Cohort Two, starts: "2023-04-01", ends: "2023-09-30", grantPerTeam: 5000 }
staff: [{ key: zara-cohort2, name: Zara Two }]
teams:
  - key: islington
    name: Islington Team
    members: [{ key: ian-islington, name: Ian Islington }]
`;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
const actionOf = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");

describe("staff pages through the real routes", () => {
  let s: StaffServer;

  beforeAll(async () => {
    s = await startStaffServer({ sixMonths: true });
    await importProgramme(s.db.prisma, parseProgrammeSource(COHORT_2), "test");
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it("staff: the overview with inline SVG charts, every section, and a link to the report", async () => {
    const r = await s.get("/staff?as=amara-okafor");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((r.text.match(/<svg role="img"/g) ?? []).length).toBeGreaterThanOrEqual(5);
    for (const heading of [
      "RAG status by month",
      "Submissions per cycle",
      "Grant spent to date",
      "People supported",
      "Open support requests and blockers",
      "Unanswered questions",
      "Delivery log",
    ])
      expect(r.text).toContain(heading);
    expect(r.text).toContain('href="/staff/report?as=amara-okafor"');
    expect(r.text).toContain("Can we carry unspent grant over into April?");
    expect(r.text).not.toMatch(/<script/i);
  });

  it("staff: attention first — the at-risk team's blocker comes before the on-track teams'", async () => {
    const r = await s.get("/staff?as=amara-okafor");
    const table = r.text.slice(r.text.indexOf("Open support requests and blockers</caption>"));
    expect(table.indexOf("Newham")).toBeGreaterThan(0);
    expect(table.indexOf("Newham")).toBeLessThan(table.indexOf("Croydon"));
  });

  it("staff: a team page with its run chart, RAG timeline, versions and sessions", async () => {
    const r = await s.get("/staff/teams/lambeth?as=amara-okafor");
    expect(r.status).toBe(200);
    expect(r.text).toContain("Measure: Referrals with feedback to the link worker");
    expect(r.text).toContain("a trend: 6 points rising (October 2022 to March 2023)");
    expect(r.text).toContain("RAG timeline");
    expect(r.text).toMatch(/2 saved versions/);
    expect(r.text).toContain("Marcus Bell — changed Measure, Latest value of the measure");
    expect(r.text).toContain("QI coaching: Lambeth (March 2023)");
  });

  it("coach: sees only the teams they coach; their own team 200, another team 403", async () => {
    const r = await s.get("/staff?as=priya-shah");
    expect(r.status).toBe(200);
    expect(r.text).toContain("The 4 teams you coach");
    // Their teams' awards are the total, not the programme's £120,000.
    expect(r.text).toMatch(/spent of £40,000/);
    expect(r.text).not.toContain("£120,000");
    expect(r.text).toContain("Tower Hamlets Grow Our Own Link Workers");
    expect(r.text).not.toContain("Lambeth Community Connections");
    // Programme-wide things stay with staff.
    expect(r.text).not.toContain("Unanswered questions");
    expect(r.text).not.toContain("/staff/report");
    expect((await s.get("/staff/teams/tower-hamlets?as=priya-shah")).status).toBe(200);
    const other = await s.get("/staff/teams/lambeth?as=priya-shah");
    expect(other.status).toBe(403);
    expect(other.text).toContain("You can open the pages of the teams you coach only.");
    expect((await s.get("/staff/report?as=priya-shah")).status).toBe(403);
  });

  it("member: 403 on every staff page", async () => {
    for (const path of ["/staff", "/staff/teams/tower-hamlets", "/staff/report"]) {
      const r = await s.get(`${path}?as=aisha-rahman`);
      expect(r.status, path).toBe(403);
      expect(r.text).toContain("These pages are for programme staff and QI coaches only.");
      // A way on, not a dead end: back to the chat, or the pages as someone else.
      expect(r.text).toContain('<a href="/">Back to the playground</a>');
      expect(r.text).toContain('<a href="/staff/sign-in">Open the staff pages as someone else</a>');
    }
  });

  it("staff of another programme: their own overview only; this programme's team is a 404", async () => {
    const own = await s.get("/staff?as=zara-cohort2");
    expect(own.status).toBe(200);
    expect(own.text).toContain("Cohort Two");
    expect(own.text).not.toContain("Tower Hamlets");
    expect((await s.get("/staff/teams/tower-hamlets?as=zara-cohort2")).status).toBe(404);
    expect((await s.get("/staff?as=zara-cohort2&programme=sp-innovators-2022")).status).toBe(404);
    expect((await s.get("/staff/teams/islington?as=amara-okafor")).status).toBe(404);
    expect((await s.get("/staff/teams/no-such-team?as=amara-okafor")).status).toBe(404);
  });

  it("nobody chosen: a redirect to choose who you are; someone unknown: the same", async () => {
    for (const path of ["/staff", "/staff?as=nobody-here", "/staff?as=%3Cscript%3E"]) {
      const r = await s.get(path);
      expect(r.status, path).toBe(302);
      expect(r.headers.get("location")).toMatch(/^\/staff\/sign-in\?returnTo=/);
    }
    const chooser = await s.get("/staff/sign-in?returnTo=%2Fstaff");
    expect(chooser.status).toBe(200);
    expect(chooser.text).toContain('href="/staff?as=amara-okafor"');
    expect(chooser.text).not.toContain("aisha-rahman");
    // The return path stays on this server.
    expect((await s.get("/staff/sign-in?returnTo=https://evil.example/")).text).toContain(
      'href="/staff?as=amara-okafor"',
    );
  });

  it("the playground's 'I am' cookie opens the pages for that person", async () => {
    expect((await s.get("/staff", { cookie: "cohort_playground_as=amara-okafor" })).status).toBe(200);
    expect((await s.get("/staff", { cookie: "cohort_playground_as=aisha-rahman" })).status).toBe(403);
  });

  it("answers only on loopback names: another Host is refused (DNS rebinding)", async () => {
    // fetch() may not set Host; a raw request can, as a rebinding page's browser would.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(`${s.url}/staff?as=amara-okafor`, { headers: { host: "evil.example" } }, (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
    });
    expect(status).toBe(403);
    expect(body).toContain("only on this computer");
  });

  it("escapes what teams wrote", async () => {
    const lambeth = (await s.deps.programmes.listTeams(s.programmeId)).find((t) => t.key === "lambeth");
    const cycle = await s.deps.programmes.getCycle(s.programmeId, "2023-03");
    if (!lambeth || !cycle) throw new Error("seed");
    const current = await s.deps.updates.get(lambeth.id, cycle.id);
    await s.deps.updates.save({
      teamId: lambeth.id,
      cycleId: cycle.id,
      status: "submitted",
      data: { ...current?.data, blockers: '<img src=x onerror="alert(1)"> & <script>alert(2)</script>' },
      late: false,
      submittedAt: cycle.dueAt,
      submittedById: null,
      savedById: "test",
      savedAt: cycle.dueAt,
    });
    for (const path of ["/staff?as=amara-okafor", "/staff/teams/lambeth?as=amara-okafor"]) {
      const r = await s.get(path);
      expect(r.text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;");
      expect(r.text).not.toContain("<img src=x");
      expect(r.text).not.toContain("<script>alert");
    }
  });

  it("answers a question through the core's answer flow, with the CSRF token", async () => {
    const page = await s.get("/staff?as=amara-okafor");
    const csrf = csrfOf(page.text);
    const action = actionOf(page.text);
    expect(csrf && action).toBeTruthy();
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${s.url}${action}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(body),
      });

    // No token, a wrong token, or a post from another site: refused, and the question stays open.
    expect((await post({ answer: "Yes" })).status).toBe(403);
    expect((await post({ answer: "Yes", _csrf: "forged" })).status).toBe(403);
    expect((await post({ answer: "Yes", _csrf: csrf as string }, { origin: "https://evil.example" })).status).toBe(403);
    const priya = await s.get("/staff?as=priya-shah");
    expect(priya.text).not.toContain('name="_csrf"');
    expect(await s.deps.faq.listUnanswered(s.programmeId, { status: "open" })).toHaveLength(2);

    const empty = await post({ answer: "  ", _csrf: csrf as string });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("The answer was not saved");

    const ok = await post({ answer: "Yes, until 30 April; tell your coach.", _csrf: csrf as string });
    expect(ok.status).toBe(303);
    const location = ok.headers.get("location") ?? "";
    expect(location).toMatch(
      /^\/staff\?as=amara-okafor&answered=can-we-carry-unspent-grant-over-[a-z0-9]+&sent=1#questions$/,
    );
    const after = await s.get(location.replace(/#.*$/, ""));
    expect(after.text).toMatch(
      /Saved as FAQ entry “can-we-carry-unspent-grant-over-[a-z0-9]+” and sent to the person who asked./,
    );
    expect(after.text).not.toContain("Can we carry unspent grant over into April?");
    const open = await s.deps.faq.listUnanswered(s.programmeId, { status: "open" });
    expect(open.map((q) => q.question)).toEqual(["Who do we send interpreter invoices to?"]);
    const entries = await s.deps.faq.listEntries(s.programmeId);
    expect(entries.find((e) => e.answer === "Yes, until 30 April; tell your coach.")?.source).toBe(
      "staff: Amara Okafor",
    );
  });

  it("a coach cannot answer questions even with their own token", async () => {
    const q = (await s.deps.faq.listUnanswered(s.programmeId, { status: "open" }))[0];
    const coachPage = await s.get("/staff/teams/tower-hamlets?as=priya-shah");
    expect(coachPage.status).toBe(200);
    const res = await fetch(`${s.url}/staff/questions/${q?.id}/answer?as=priya-shah`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ answer: "x", _csrf: "whatever" }),
    });
    expect(res.status).toBe(403);
  });

  it("the report: one self-contained HTML file for staff", async () => {
    const r = await s.get("/staff/report?as=amara-okafor");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toBe('inline; filename="sp-innovators-2022-report.html"');
    expect(r.text).toContain("<style>");
    expect(r.text).not.toMatch(/<script|<link|src="https?:|href="https?:/i);
    expect((r.text.match(/class="team-section"/g) ?? []).length).toBe(12);
    expect(r.text).toContain("What they tested (PDSA cycles)");
    expect(r.text).toContain("PDSA 3: the directory live for 14 VCS partners");
    expect(r.text).toContain("Blockers overcome");
    expect(r.text).toContain("Information governance sign-off for sharing referral outcomes with VCS partners.");
  });
});

describe("with real credentials and no sign-in method configured", () => {
  let s: StaffServer;
  beforeAll(async () => {
    s = await startStaffServer({ signIn: () => notConfiguredSignIn() });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("sends every page to sign-in, whatever ?as= says, and refuses posts", async () => {
    for (const path of ["/staff", "/staff?as=amara-okafor", "/staff/teams/tower-hamlets", "/staff/report"]) {
      const r = await s.get(path);
      expect(r.status, path).toBe(302);
      expect(r.headers.get("location")).toBe("/auth/sign-in");
    }
    const post = await fetch(`${s.url}/staff/questions/x/answer`, { method: "POST", redirect: "manual", body: "" });
    expect(post.status).toBe(401);
    expect((await s.get("/auth/sign-in")).status).toBe(503);
  });
});
