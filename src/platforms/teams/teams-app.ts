import {
  type ActivityParams,
  Client as ApiClient,
  type ConversationReference,
  type SentActivity,
} from "@microsoft/teams.api";
import { App, type AppOptions, type IPlugin } from "@microsoft/teams.apps";

/**
 * The SDK's App with one addition: sending to a stored conversation reference. `app.send()` always uses
 * the app-wide service URL and refuses to run without credentials ("App has no credentials set up"),
 * but a proactive message must go to the service URL Teams gave us for that conversation — and in local
 * unauthenticated mode (and tests) there are no credentials. The SDK's own ActivitySender does exactly
 * this (it is what `ctx.send` uses), so we call it with the stored reference.
 */
export class CohortTeamsApp extends App<IPlugin> {
  constructor(options: AppOptions<IPlugin>) {
    super(options);
  }

  sendToReference(ref: ConversationReference, activity: ActivityParams): Promise<SentActivity> {
    return this.activitySender.send(activity, ref);
  }

  /** Starts a 1:1 chat with a user (for private replies to a channel message); returns its id. */
  async createPersonalConversation(input: {
    serviceUrl: string;
    botId: string;
    userId: string;
    tenantId?: string;
  }): Promise<string> {
    const api = new ApiClient(input.serviceUrl, this.client.clone({ token: () => this.getBotToken() }));
    const created = await api.conversations.create({
      isGroup: false,
      bot: { id: input.botId, name: "", role: "bot" },
      members: [{ id: input.userId, name: "", role: "user" }],
      tenantId: input.tenantId,
      channelData: input.tenantId ? { tenant: { id: input.tenantId } } : undefined,
    } as Parameters<typeof api.conversations.create>[0]);
    return created.id;
  }
}
