import type { Command } from "commander";
import type { DeliveryStatus } from "../../core/outbox/delivery-store.js";
import { loadPlannerInput } from "../../core/reminders/load-planner-input.js";
import { dueOccasions } from "../../core/reminders/plan-occasions.js";
import { reminderPorts } from "../../core/reminders/run-scheduler-tick.js";
import { CliInputError } from "../cli-error.js";
import { withCliDatabase } from "../open-cli-database.js";

function parseInstant(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new CliInputError(`--at: "${value}" is not a time (use ISO, e.g. 2022-11-09T14:00:00Z)`);
  return at;
}

const STATUSES = ["pending", "claimed", "sent", "skipped", "failed"] as const;

export function registerReminders(program: Command): void {
  const reminders = program.command("reminders").description("reminder schedule and outbox");

  reminders
    .command("due")
    .description("dry run: the reminders that would go out at an instant (nothing is sent or stored)")
    .requiredOption("--at <time>", "ISO time, e.g. 2022-11-09T14:00:00Z")
    .option("--programme <slug>", "only this programme")
    .option("--window <minutes>", "also include what fell due this many minutes before --at", "1")
    .option("--include-skipped", "also list occasions that would be recorded as skipped, with the reason")
    .option("--json", "print a JSON array")
    .action(
      async (opts: { at: string; programme?: string; window: string; includeSkipped?: boolean; json?: boolean }) => {
        const at = parseInstant(opts.at);
        const windowMinutes = Number(opts.window);
        if (!Number.isFinite(windowMinutes) || windowMinutes < 0)
          throw new CliInputError("--window: use a number of minutes");
        const rows = await withCliDatabase({ seed: true }, async ({ deps }) => {
          const { deliveries, facts } = reminderPorts(deps);
          const programmes = (await deps.programmes.listProgrammes()).filter(
            (p) => !opts.programme || p.slug === opts.programme,
          );
          if (opts.programme && programmes.length === 0) throw new CliInputError(`no programme "${opts.programme}"`);
          const out = [];
          for (const programme of programmes) {
            const input = await loadPlannerInput({ deps, facts, programme, now: at });
            // A window of 1 minute = the scheduler tick at that instant.
            const due = dueOccasions(input, at, Math.max(1, windowMinutes) * 60_000);
            const known = await deliveries.existingKeys(due.map((o) => o.key));
            const teams = new Map(input.teams.map((t) => [t.id, t.key]));
            const channels = new Map(input.channels.map((c) => [c.id, c]));
            for (const o of due) {
              if (known.has(o.key) || (o.skipReason && !opts.includeSkipped)) continue;
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
                ...(o.skipReason ? { skipReason: o.skipReason } : {}),
              });
            }
          }
          return out.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || a.key.localeCompare(b.key));
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        if (rows.length === 0) process.stdout.write(`Nothing due at ${at.toISOString()}.\n`);
        for (const r of rows)
          process.stdout.write(
            `${r.scheduledFor}  ${r.kind.padEnd(19)} ${(r.team ?? "staff").padEnd(22)} ${r.target}${r.skipReason ? `  [skip: ${r.skipReason}]` : ""}\n`,
          );
      },
    );

  reminders
    .command("log")
    .description("what was sent, skipped or failed (newest first)")
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
        const list = await deliveries.list({ programmeId: programme?.id, statuses, limit: Number(opts.limit) || 50 });
        return list.map((d) => ({
          status: d.status,
          kind: d.kind,
          scheduledFor: d.scheduledFor.toISOString(),
          sentAt: d.sentAt?.toISOString() ?? null,
          attempts: d.attempts,
          target: d.target,
          occasion: d.occasion,
          reason: d.reason,
          lastError: d.lastError,
          platformMessageId: d.platformMessageId,
          key: d.key,
        }));
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        return;
      }
      if (rows.length === 0) process.stdout.write("No deliveries recorded.\n");
      for (const r of rows)
        process.stdout.write(
          `${r.scheduledFor}  ${r.status.padEnd(7)} ${r.kind.padEnd(19)} attempts ${r.attempts}  ${r.occasion}${r.reason ? `  — ${r.reason}` : ""}\n`,
        );
    });
}
