/**
 * Activity latency through the Teams adapter: 1,000 sequential personal-chat messages POSTed to
 * /api/messages on a real HTTP server (embedded database, seeded programme, fake Bot Connector on
 * 127.0.0.1). Each sample is the full round trip: the request, the core command, and the reply card
 * posted to the connector before the HTTP response returns. Run: npx tsx scripts/measure-teams-latency.ts [count] [text]
 */
import { MEMBER, personalMessage } from "../test/support/teams-activities.js";
import { startTeamsHarness } from "../test/support/teams-harness.js";

const count = Number(process.argv[2] ?? 1000);
const text = process.argv[3] ?? "next";
const h = await startTeamsHarness({ now: "2022-11-28T10:00:00Z" });
const samples: number[] = [];
try {
  for (let i = 0; i < 20; i++)
    await h.post(personalMessage({ serviceUrl: h.connector.url, id: `warm-${i}`, from: MEMBER, text }));
  for (let i = 0; i < count; i++) {
    const activity = personalMessage({ serviceUrl: h.connector.url, id: `m-${i}`, from: MEMBER, text });
    const started = performance.now();
    const res = await h.post(activity);
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`activity ${i} answered ${res.status}`);
    if (i % 100 === 0) h.connector.reset();
  }
} finally {
  await h.close();
}
samples.sort((a, b) => a - b);
const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!.toFixed(1);
process.stdout.write(
  `${count} sequential "${text}" activities: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${samples.at(-1)!.toFixed(1)} ms\n`,
);
