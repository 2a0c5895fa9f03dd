import { z } from "zod";
import type { FormDefinition, FormValues } from "../forms/form.js";
import { cleanText, visibleLength } from "./plain-text.js";

/**
 * The monthly progress update, defined once: the field list every platform renders (Slack modal, Teams
 * dialog, playground) and the zod schema every submission is parsed with. Values arrive as strings.
 */
export const RAG = { "on-track": "On track", "at-risk": "At risk", "off-track": "Off track" } as const;
export type Rag = keyof typeof RAG;
export const SUPPORT = {
  none: "None",
  coaching: "QI coaching",
  data: "Data and measurement",
  funding: "Funding or budget",
  other: "Something else",
} as const;
export type SupportType = keyof typeof SUPPORT;

export const LIMITS = { short: 200, value: 100, long: 1500, medium: 1000, people: 100_000 } as const;

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export const progressUpdateForm: FormDefinition = {
  id: "progress-update",
  title: "Monthly progress update",
  submitLabel: "Submit update",
  fields: [
    { id: "rag", label: "Overall status", kind: "select", required: true, options: options(RAG) },
    {
      id: "progress",
      label: "Progress this month",
      kind: "textarea",
      required: true,
      maxLength: LIMITS.long,
      hint: "Start with one sentence staff can read at a glance; it is the line shown in the digest.",
    },
    {
      id: "pdsa",
      label: "PDSA cycle tested",
      kind: "textarea",
      required: false,
      maxLength: LIMITS.medium,
      hint: "What change did you test this month, and what did you learn?",
    },
    {
      id: "measure",
      label: "Measure",
      kind: "text",
      required: false,
      maxLength: LIMITS.short,
      placeholder: "e.g. referrals seen within 2 weeks",
    },
    {
      id: "measureValue",
      label: "Latest value of the measure",
      kind: "text",
      required: false,
      maxLength: LIMITS.value,
      placeholder: "e.g. 64%",
    },
    {
      id: "people",
      label: "People supported / referrals this month",
      kind: "number",
      required: true,
      min: 0,
      max: LIMITS.people,
      hint: "A whole number, 0 if none.",
    },
    {
      id: "spend",
      label: "Grant spent to date (£)",
      kind: "number",
      required: true,
      min: 0,
      hint: "The running total since the start of the programme, not this month's spend.",
    },
    { id: "wins", label: "Wins", kind: "textarea", required: false, maxLength: LIMITS.medium },
    { id: "blockers", label: "Blockers", kind: "textarea", required: false, maxLength: LIMITS.medium },
    {
      id: "support",
      label: "Support requested from the programme team",
      kind: "select",
      required: false,
      options: options(SUPPORT),
    },
    {
      id: "supportDetail",
      label: "What support would help?",
      kind: "textarea",
      required: false,
      maxLength: LIMITS.medium,
      hint: "Needed if you chose “Something else”.",
    },
    { id: "notes", label: "Anything staff should know", kind: "textarea", required: false, maxLength: LIMITS.medium },
  ],
};

/** The parsed, cleaned update as stored in ProgressUpdate.data. Empty optional fields are left out. */
export type UpdateData = {
  rag?: Rag;
  progress?: string;
  pdsa?: string;
  measure?: string;
  measureValue?: string;
  people?: number;
  spend?: number;
  wins?: string;
  blockers?: string;
  support?: SupportType;
  supportDetail?: string;
  notes?: string;
};

const label = (id: string) => progressUpdateForm.fields.find((f) => f.id === id)?.label ?? id;
const raw = z.preprocess((v) => (typeof v === "string" ? v : v == null ? "" : String(v)), z.string());
const pounds = (n: number) => `£${n.toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;

/** Adds "field is needed" when a required field is empty (submissions only; drafts may be partial). */
function needed(id: string, required: boolean, ctx: z.RefinementCtx): undefined {
  if (required)
    ctx.addIssue({ code: "custom", message: `${label(id)} is needed: ${NEEDED[id] ?? "please fill it in."}` });
  return undefined;
}
const NEEDED: Record<string, string> = {
  rag: "choose on track, at risk or off track.",
  progress: "please write a sentence or two about this month.",
  people: "enter a whole number (0 if none).",
  spend: "enter the total grant spent so far in pounds (0 if none).",
};

const text = (id: string, max: number, required = false) =>
  raw.transform((v, ctx) => {
    const clean = cleanText(v);
    if (clean === "") return needed(id, required, ctx);
    const length = visibleLength(clean);
    if (length > max) {
      ctx.addIssue({
        code: "custom",
        message: `${label(id)}: please shorten this to ${max} characters or fewer (it has ${length}).`,
      });
      return z.NEVER;
    }
    return clean;
  });

const choice = <T extends string>(id: string, allowed: Record<T, string>, required = false) =>
  raw.transform((v, ctx) => {
    const clean = cleanText(v);
    if (clean === "") return needed(id, required, ctx);
    if (!(clean in allowed)) {
      ctx.addIssue({
        code: "custom",
        message: `${label(id)}: choose one of ${Object.values(allowed).join(", ")}.`,
      });
      return z.NEVER;
    }
    return clean as T;
  });

const peopleField = (required: boolean) =>
  raw.transform((v, ctx) => {
    const clean = cleanText(v).replace(/[\s,]/g, "");
    if (clean === "") return needed("people", required, ctx);
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message: `${label("people")}: ${message}` });
      return z.NEVER;
    };
    if (/^-\d/.test(clean)) return fail("it cannot be negative; enter 0 or more.");
    if (!/^\d+$/.test(clean)) return fail("enter a whole number of people, such as 12 (0 if none).");
    const n = Number(clean);
    if (n > LIMITS.people)
      return fail(`that looks too high; enter a number up to ${LIMITS.people.toLocaleString("en-GB")}.`);
    return n;
  });

const spendField = (award: number, required: boolean) =>
  raw.transform((v, ctx) => {
    const clean = cleanText(v).replace(/[\s,£]/g, "");
    if (clean === "") return needed("spend", required, ctx);
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message: `${label("spend")}: ${message}` });
      return z.NEVER;
    };
    if (/^-\d/.test(clean)) return fail("it cannot be negative; enter the total spent so far, 0 or more.");
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) return fail("enter an amount in pounds, such as 2500 or 2500.50.");
    const n = Number(clean);
    if (n > award) {
      return fail(
        `${pounds(n)} is more than your team's award of ${pounds(award)}. Enter the total spent to date (at most ${pounds(award)}), or talk to the programme team.`,
      );
    }
    return n;
  });

/**
 * The schema for one team's update. Drafts accept missing required fields (a form closed half way is kept);
 * a submission needs them. `award` caps the spend.
 */
export function updateSchemaFor({ award, draft }: { award: number; draft: boolean }) {
  const required = !draft;
  return z
    .object({
      rag: choice("rag", RAG, required),
      progress: text("progress", LIMITS.long, required),
      pdsa: text("pdsa", LIMITS.medium),
      measure: text("measure", LIMITS.short),
      measureValue: text("measureValue", LIMITS.value),
      people: peopleField(required),
      spend: spendField(award, required),
      wins: text("wins", LIMITS.medium),
      blockers: text("blockers", LIMITS.medium),
      support: choice("support", SUPPORT),
      supportDetail: text("supportDetail", LIMITS.medium),
      notes: text("notes", LIMITS.medium),
    })
    .superRefine((data, ctx) => {
      if (!draft && data.support === "other" && !data.supportDetail)
        ctx.addIssue({
          code: "custom",
          path: ["supportDetail"],
          message: `${label("supportDetail")}: you chose “Something else”, so please say what would help.`,
        });
    })
    .transform((data) => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as UpdateData);
}

/** The schema for a full submission with no award cap (tests and tools; the core uses updateSchemaFor). */
export const progressUpdateSchema = updateSchemaFor({ award: Number.MAX_SAFE_INTEGER, draft: false });

export type ParsedUpdate = { ok: true; data: UpdateData } | { ok: false; errors: Record<string, string> };

/** Parses submitted form values; errors are keyed by field id, one clear sentence each. */
export function parseUpdateValues(values: FormValues, options: { award: number; draft: boolean }): ParsedUpdate {
  const input = Object.fromEntries(progressUpdateForm.fields.map((f) => [f.id, values[f.id] ?? ""]));
  const result = updateSchemaFor(options).safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "_form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Stored data back to form strings, to prefill the form from a draft or a submission. */
export function toFormValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of progressUpdateForm.fields) {
    const v = data[field.id];
    if (v !== undefined && v !== null) values[field.id] = String(v);
  }
  return values;
}

/**
 * A warning, not an error: spend above the pro-rata share of the award by the cycle's due date (the same
 * figure the staff pages draw as the pro-rata line) is allowed but staff will ask about it.
 */
export function spendWarning(spend: number | undefined, award: number, proRata: number, dueLabel: string) {
  if (spend === undefined || award === 0) return null;
  if (spend <= proRata) return null;
  return `Grant spent to date (${pounds(spend)}) is above the pro-rata share of your award by ${dueLabel} (${pounds(proRata)}). That's allowed; please say why under “Anything staff should know” if it isn't obvious.`;
}

export { pounds };
