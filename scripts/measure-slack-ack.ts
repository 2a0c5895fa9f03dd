/**
 * Slack ack latency: N sequential signed `/cohort help` POSTs against the real server in-process
 * (embedded database seeded with the SP Innovators programme, Bolt on our HTTP server, fake Web API).
 * Usage: npx tsx scripts/measure-slack-ack.ts [count=1000] [user=U0SPITWH1]
 */
import { startSlackHarness } from "../test/support/slack-harness.js";

const count = Number(process.argv[2] ?? 1000);
const user = process.argv[3] ?? "U0SPITWH1";
const h = await startSlackHarness();
try {
  for (let i = 0; i < 20; i++) await h.command("help", { user_id: user }); // warm-up, not counted
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const res = await h.command("help", { user_id: user });
    if (res.status !== 200 || !res.text.includes("update")) failures++;
    times.push(res.ms);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  process.stdout.write(
    `${count} sequential signed /cohort help (user ${user}): p50 ${fmt(pct(50))}, p90 ${fmt(pct(90))}, p99 ${fmt(pct(99))}, max ${fmt(times.at(-1) ?? 0)}; non-200 or missing help: ${failures}\n`,
  );
  process.exitCode = failures ? 1 : 0;
} finally {
  await h.close();
}
