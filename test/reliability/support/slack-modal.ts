import { fixture, type SlackHarness } from "../../support/slack-harness.js";

export type ModalView = {
  id?: string;
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string }[];
};
type Payload = Record<string, unknown> & { view: Record<string, unknown>; user: Record<string, unknown> };

/** Opens the update modal as `user` would (`/cohort update`) and returns the view Slack was asked to show. */
export async function openUpdateModal(h: SlackHarness, user: string, channel: string): Promise<ModalView> {
  const before = h.fake.callsTo("views.open").length;
  const res = await h.command("update", { user_id: user, channel_id: channel });
  if (res.status !== 200) throw new Error(`update command answered ${res.status}: ${res.text}`);
  const calls = await h.fake.waitFor("views.open", before + 1, 10_000);
  // Call this for one user at a time: the newest views.open is this user's.
  return calls.at(-1)?.params.view as ModalView;
}

/** A view_submission for that view, typed by `user`, with these values (selects for rag/support). */
export function viewSubmission(view: ModalView, user: string, values: Record<string, string>, hash = "1.abc"): Payload {
  const base = fixture<Payload>("view-submission.json");
  const state: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values)) {
    state[id] = {
      [id]: ["rag", "support"].includes(id)
        ? { type: "static_select", selected_option: { value } }
        : { type: "plain_text_input", value },
    };
  }
  return {
    ...base,
    user: { ...base.user, id: user },
    view: {
      ...base.view,
      id: view.id ?? `V${Math.random().toString(36).slice(2, 10)}`,
      blocks: view.blocks,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash,
      state: { values: state },
    },
  };
}

export const GOOD_UPDATE = {
  rag: "on-track",
  progress: "Induction pack tested with two new link workers.",
  people: "42",
  spend: "2500",
};
