/** Builders for Bot Framework activities as Teams sends them (shapes recorded in test/fixtures/teams). */
export const BOT = { id: "28:cohort-bot", name: "Cohort Bot" };
export const TENANT = "72f988bf-0000-0000-0000-000000000001";

export type Person = { id: string; aadObjectId?: string; name?: string };

/** Aisha Rahman, member of the Tower Hamlets team in the seed programme. */
export const MEMBER: Person = {
  id: "29:aisha",
  aadObjectId: "3f6d2c1a-0a11-4c5e-8f00-0000000c0101",
  name: "Aisha Rahman",
};
/** Amara Okafor, programme staff. */
export const STAFF: Person = {
  id: "29:amara",
  aadObjectId: "3f6d2c1a-0a11-4c5e-8f00-00000000a001",
  name: "Amara Okafor",
};
export const STRANGER: Person = {
  id: "29:stranger",
  aadObjectId: "00000000-0000-0000-0000-0000000000aa",
  name: "Someone New",
};

export function personalMessage(input: {
  serviceUrl: string;
  id: string;
  from: Person;
  text?: string;
  value?: unknown;
}) {
  return {
    type: "message",
    id: input.id,
    text: input.text,
    value: input.value,
    channelId: "msteams",
    serviceUrl: `${input.serviceUrl}/`,
    timestamp: "2022-11-15T10:00:00.000Z",
    locale: "en-GB",
    from: input.from,
    recipient: BOT,
    conversation: { id: `a:personal-${input.from.id}`, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

export function channelMention(input: {
  serviceUrl: string;
  id: string;
  from: Person;
  text: string;
  channelId: string;
}) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    type: "message",
    id: input.id,
    text: `${mention} ${input.text}`,
    channelId: "msteams",
    serviceUrl: input.serviceUrl,
    from: input.from,
    recipient: BOT,
    conversation: {
      id: `${input.channelId};messageid=${input.id}`,
      conversationType: "channel",
      isGroup: true,
      tenantId: TENANT,
    },
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    channelData: { tenant: { id: TENANT }, team: { id: input.channelId }, channel: { id: input.channelId } },
  };
}

export function invoke(input: {
  serviceUrl: string;
  id: string;
  from: Person;
  name: "task/fetch" | "task/submit";
  data: unknown;
}) {
  return {
    ...personalMessage({ serviceUrl: input.serviceUrl, id: input.id, from: input.from }),
    type: "invoke",
    name: input.name,
    value: { data: input.data, context: { theme: "default" } },
  };
}
