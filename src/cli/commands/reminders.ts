import type { Command } from "commander";
import type { DeliveryStatus } from "../../core/outbox/delivery-store.js";
import { formatLocal, parseLocalTime } from "../../core/programme/local-time.js";
import { previewDue } from "../../core/reminders/preview-due.js";
import { reminderPorts } from "../../core/reminders/run-scheduler-tick.js";
import { CliInputError } from "../cli-error.js";
import { withCliDatabase } from "../open-cli-database.js";

/**
 * `--at` as each programme reads it: a time with Z or an offset is taken as given; a zone-less one
 * ("2022-11-09 14:00") is wall-clock time in the programme's zone, as in the programme file. Before, a
 * zone-less time was read in the machine's zone (UTC on a server), an hour off in British Summer Time.
 */
function parseAt(value: string, timeZone: string): Date {
  const at = parseLocalTime(value, timeZone);
  if (!at)
    throw new CliInputError(
      `--at: "${value}" is not a time (use ISO, e.g. 2022-11-09T14:00:00Z, or 2022-11-09 14:00 in the programme's time zone)`,
    );
  return at;
}

const STATUSES = ["pending", "claimed", "sent", "skipped", "failed"] as const;

type DueOptions = {
  at: string;
  programme?: string;
  window: string;
  includeSkipped?: boolean;
  deferred?: boolean;
  json?: boolean;
};

export function registerReminders(program: Command): void {
  const reminders = program.command("reminders").description("reminder schedule and outbox");

  reminders
    .command("due")
    .description(
      "dry run: what the scheduler would really send at an instant (nothing in quiet hours, at weekends or on bank holidays; nothing is sent or stored)",
    )
    .requiredOption(
      "--at <time>",
      "ISO time, e.g. 2022-11-09T14:00:00Z; without Z or an offset, in the programme's time zone",
    )
    .option("--programme <slug>", "only this programme")
    .option("--window <minutes>", "catch-up: also include what fell due this many minutes before --at", "1")
    .option("--deferred", "also list what came due in quiet time and waits, with the time it will go out (sendAt)")
    .option("--include-skipped", "also list occasions that would be recorded as skipped, with the reason")
    .option("--json", "print a JSON array")
    .action(async (opts: DueOptions) => {
      parseAt(opts.at, "UTC"); // a bad --at is refused before the database opens
      const windowMinutes = Number(opts.window);
      if (!Number.isFinite(windowMinutes) || windowMinutes < 0)
        throw new CliInputError("--window: use a number of minutes");
      const rows = await withCliDatabase({ seed: true }, async ({ deps }) => {
        const { facts } = reminderPorts(deps);
        const programmes = (await deps.programmes.listProgrammes()).filter(
          (p) => !opts.programme || p.slug === opts.programme,
        );
        if (opts.programme && programmes.length === 0) throw new CliInputError(`no programme "${opts.programme}"`);
        const out = [];
        for (const programme of programmes) {
          // A window of 1 minute = the scheduler tick at that instant.
          const windowMs = Math.max(1, windowMinutes) * 60_000;
          const at = parseAt(opts.at, programme.timeZone);
          const { planner, items } = await previewDue({ deps, facts, programme, at, windowMs });
          const teams = new Map(planner.teams.map((t) => [t.id, t.key]));
          const channels = new Map(planner.channels.map((c) => [c.id, c]));
          for (const o of items) {
            if (o.status === "deferred" && !opts.deferred) continue;
            if (o.status === "skipped" && !opts.includeSkipped) continue;
            const channel = channels.get(o.target);
            out.push({
              kind: o.kind,
              programme: programme.slug,
              team: o.teamId ? (teams.get(o.teamId) ?? null) : null,
              target: channel ? `${channel.platform}:${channel.externalId}` : o.target,
              channel: channel?.name ?? "",
              occasion: o.occasion,
              scheduledFor: o.scheduledFor.toISOString(),
              idealAt: o.idealAt.toISOString(),
              key: o.key,
              status: o.status,
              sendAt: o.sendAt?.toISOString() ?? null,
              source: o.source,
              ...(o.reason ? { skipReason: o.reason } : {}),
              when: o.sendAt ? formatLocal(o.sendAt, programme.timeZone) : "",
            });
          }
        }
        return out.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || a.key.localeCompare(b.key));
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows.map(({ when: _when, ...r }) => r))}\n`);
        return;
      }
      if (rows.length === 0) process.stdout.write(`Nothing to send at ${opts.at}.\n`);
      for (const r of rows) {
        const state =
          r.status === "deferred" ? `  [deferred to ${r.when}]` : r.skipReason ? `  [skip: ${r.skipReason}]` : "";
        process.stdout.write(
          `${r.scheduledFor}  ${r.kind.padEnd(19)} ${(r.team ?? "staff").padEnd(22)} ${r.target}${state}\n`,
        );
      }
    });

  reminders
    .command("log")
    .description("what was sent, skipped or failed (newest first), with the planned time and the time it went out")
    .option("--programme <slug>", "only this programme")
    .option("--status <list>", "comma-separated: pending,claimed,sent,skipped,failed")
    .option("--limit <n>", "at most this many rows", "50")
    .option("--json", "print a JSON array")
    .action(async (opts: { programme?: string; status?: string; limit: string; json?: boolean }) => {
      const statuses = opts.status?.split(",").map((s) => s.trim()) as DeliveryStatus[] | undefined;
      const bad = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s));
      if (bad) throw new CliInputError(`--status: unknown status "${bad}" (use ${STATUSES.join(", ")})`);
      const rows = await withCliDatabase({ seed: false }, async ({ deps }) => {
        const { deliveries } = reminderPorts(deps);
        const programme = opts.programme ? await deps.programmes.getProgrammeBySlug(opts.programme) : null;
        if (opts.programme && !programme) throw new CliInputError(`no programme "${opts.programme}"`);
        const zones = new Map((await deps.programmes.listProgrammes()).map((p) => [p.id, p.timeZone]));
        const list = await deliveries.list({ programmeId: programme?.id, statuses, limit: Number(opts.limit) || 50 });
        return list.map((d) => {
          const zone = zones.get(d.programmeId) ?? "UTC";
          const waitsUntil = d.status === "pending" ? d.nextAttemptAt : null;
          return {
            status: d.status,
            kind: d.kind,
            plannedFor: d.scheduledFor.toISOString(),
            scheduledFor: d.scheduledFor.toISOString(),
            sentAt: d.sentAt?.toISOString() ?? null,
            nextAttemptAt: waitsUntil?.toISOString() ?? null,
            attempts: d.attempts,
            target: d.target,
            occasion: d.occasion,
            reason: d.reason,
            lastError: d.lastError,
            platformMessageId: d.platformMessageId,
            key: d.key,
            planned: formatLocal(d.scheduledFor, zone),
            sent: d.sentAt
              ? formatLocal(d.sentAt, zone)
              : waitsUntil
                ? `waits until ${formatLocal(waitsUntil, zone)}`
                : "—",
          };
        });
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows.map(({ planned: _p, sent: _s, ...r }) => r))}\n`);
        return;
      }
      if (rows.length === 0) process.stdout.write("No deliveries recorded.\n");
      for (const r of rows)
        process.stdout.write(
          `planned ${r.planned.padEnd(23)} sent ${r.sent.padEnd(23)} ${r.status.padEnd(7)} ${r.kind.padEnd(19)} attempts ${r.attempts}  ${r.occasion}${r.reason ? `  — ${r.reason}` : ""}\n`,
        );
    });
}
