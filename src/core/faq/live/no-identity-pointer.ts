import type { Intent } from "../detect-intent.js";

/**
 * What a question about "our team" gets where nobody is identified (the CLI): the answer depends on the
 * asker's team, so it says so and points at where the answer is, instead of an FAQ entry that only looks
 * like an answer ("who is our coach?" answered with how often coaching happens).
 */
const WHERE: Record<Intent, string> = {
  coach: "run `cohort programme show` to see every team's coach",
  next: "run `cohort programme show` for the milestones, or `cohort calendar export --team <key>` for a team's sessions",
  "next-session": "run `cohort calendar export --team <key>` for a team's coaching sessions",
  "next-workshop": "run `cohort calendar export` for the programme's sessions",
  "next-milestone": "run `cohort programme show` for the milestones",
  due: "run `cohort programme show` for the reporting cycles and milestones",
  submitted: "run `cohort export updates` to see what each team has submitted",
  spend: "run `cohort export updates` for the spend each team has reported",
  "staff-reply": "run `cohort faq unanswered` for the questions still waiting",
};

export function noIdentityPointer(intent: Intent): string {
  return `That depends on your team, and the CLI doesn't know who you are. Ask it in Slack or Teams as a team member (\`/cohort ask …\`), or ${WHERE[intent]}.`;
}
