import type { FormResult, FormValues } from "../forms/form.js";
import type { CommandContext } from "./command.js";

/** Handles a submitted form (the monthly update, a staff answer). */
export type FormHandler = {
  formId: string;
  submit(
    ctx: Omit<CommandContext, "args"> & { context: string; values: FormValues; draft: boolean },
  ): Promise<FormResult>;
};
