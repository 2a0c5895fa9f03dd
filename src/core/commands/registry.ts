import { digestCommand, postDigestAction } from "../digests/digest-commands.js";
import { askCommand } from "../faq/ask-command.js";
import {
  answerCommand,
  dismissCommand,
  dismissQuestionAction,
  faqCommand,
  unansweredCommand,
} from "../faq/staff-commands.js";
import { noSuggestionFitsAction, pickSuggestionAction } from "../faq/suggestion-actions.js";
import {
  addCommand,
  approveJoinAction,
  declineJoinAction,
  joinCommand,
  removeCommand,
} from "../programme/membership/membership-commands.js";
import {
  openUpdateAction,
  progressUpdateFormHandler,
  statusCommand,
  unlockCommand,
  updateCommand,
  viewUpdateAction,
} from "../updates/update-commands.js";
import type { ActionHandler, Command } from "./command.js";
import type { FormHandler } from "./form-handler.js";
import { helpCommand } from "./help.js";
import { nextCommand } from "./next.js";

/**
 * Every subcommand, button action and form the bot understands, in help order. Features add theirs
 * here (one import and one entry each); platforms never list commands themselves, so Slack, Teams and
 * the playground stay in step.
 */
export const commands: Command[] = [
  helpCommand(() => commands),
  nextCommand,
  statusCommand,
  updateCommand,
  digestCommand,
  unlockCommand,
  askCommand,
  joinCommand,
  unansweredCommand,
  answerCommand,
  dismissCommand,
  faqCommand,
  addCommand,
  removeCommand,
];

export const actions: ActionHandler[] = [
  openUpdateAction,
  viewUpdateAction,
  postDigestAction,
  pickSuggestionAction,
  noSuggestionFitsAction,
  approveJoinAction,
  declineJoinAction,
  dismissQuestionAction,
];

export const forms: FormHandler[] = [progressUpdateFormHandler];

export function findCommand(name: string): Command | undefined {
  const lower = name.toLowerCase();
  return commands.find((c) => c.name === lower || c.aliases?.includes(lower));
}
export function findAction(action: string): ActionHandler | undefined {
  return actions.find((a) => a.action === action);
}
export function findForm(formId: string): FormHandler | undefined {
  return forms.find((f) => f.formId === formId);
}
