import type { ActionHandler, Command } from "../commands/command.js";
import type { FormHandler } from "../commands/form-handler.js";
import { formReply, privateReply } from "../commands/reply.js";
import { AppError } from "../errors.js";
import { getTeamStatus } from "./get-team-status.js";
import { openUpdateForm } from "./open-update-form.js";
import { saveUpdate } from "./save-update.js";
import { unlockTeam } from "./unlock-team.js";
import { progressUpdateForm } from "./update-form.js";
import { viewUpdate } from "./view-update.js";

/** `update [YYYY-MM]`: opens the team's monthly update form (current cycle by default). */
export const updateCommand: Command = {
  name: "update",
  usage: "update [YYYY-MM]",
  summary: "fill in or edit your team's monthly progress update",
  run: async ({ deps, actor, args }) => formReply(await openUpdateForm({ deps, actor, month: args || undefined })),
};

/** `status`: has my team submitted this cycle, what is due and when. */
export const statusCommand: Command = {
  name: "status",
  usage: "status",
  summary: "whether your team's monthly update is in, and when it is due",
  run: async ({ deps, actor }) => privateReply(await getTeamStatus({ deps, actor })),
};

/** `unlock <team-key> [YYYY-MM]` (staff): lets a team edit a locked update for another week. */
export const unlockCommand: Command = {
  name: "unlock",
  usage: "unlock <team-key> [YYYY-MM]",
  summary: "let a team edit its update after the cycle locked",
  staffOnly: true,
  async run({ deps, actor, args }) {
    const [teamKey, month, ...extra] = args.split(/\s+/).filter(Boolean);
    if (!teamKey || extra.length > 0)
      throw new AppError("invalid_input", "Usage: `unlock <team-key> [YYYY-MM]`, e.g. `unlock croydon 2022-11`.");
    return privateReply(await unlockTeam({ deps, actor, teamKey, month }));
  },
};

/** The "Update" button on reminders and `status`; value = cycle month (optional). */
export const openUpdateAction: ActionHandler = {
  action: "update.open",
  opensForm: true,
  run: async ({ deps, actor, value }) => formReply(await openUpdateForm({ deps, actor, month: value || undefined })),
};

/** The digest's "View" button; value = update id. Staff, or the team's own members. */
export const viewUpdateAction: ActionHandler = {
  action: "update.view",
  run: async ({ deps, actor, value }) => privateReply(await viewUpdate({ deps, actor, updateId: value })),
};

export const progressUpdateFormHandler: FormHandler = {
  formId: progressUpdateForm.id,
  submit: ({ deps, actor, context, values, draft }) => saveUpdate({ deps, actor, context, values, draft }),
};
