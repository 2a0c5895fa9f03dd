/**
 * The baseline: a minimal Bolt 5 app with one trivial slash command, on Bolt's own HTTP receiver.
 * It runs in a worker thread of the benchmark process, so it has an event loop to itself like our
 * server (a separate process) does, while the load generator stays on the main thread.
 */
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { App, LogLevel } from "@slack/bolt";

const app = new App({
  signingSecret: (workerData as { signingSecret: string }).signingSecret,
  // Static bot identity, as our app has (bot-identity.ts): with `token` alone Bolt calls auth.test on
  // Slack's servers at the first request. The API URL is a dead local port so nothing leaves the host.
  authorize: async () => ({ botToken: "xoxb-bench-baseline", botId: "B0BENCH", botUserId: "U0BENCH" }),
  clientOptions: { slackApiUrl: "http://127.0.0.1:9/api/" },
  logLevel: LogLevel.ERROR,
});
app.command(/^\/cohort/, async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "Here is what I can do: update, next, ask." });
});
const server = (await app.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
parentPort?.postMessage({ port: (server.address() as AddressInfo).port });
parentPort?.on("message", async (message) => {
  if (message === "stop") {
    await app.stop();
    parentPort?.postMessage("stopped");
  }
});
