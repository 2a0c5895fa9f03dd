import type { ProgrammeFile } from "../core/programme/programme-file.js";
import type { Member, Platform } from "../generated/prisma/client.js";
import type { Count, Tx } from "./import-programme.js";
import { syncByKey } from "./sync-by-key.js";

/**
 * The programme file's people (staff, coaches, team members) by key, each with its platform identities:
 * Slack and Teams ids from the file, and a playground identity (its key). Returns the members by key.
 * An identity already held by someone else moves to the person the file now names.
 */
export async function importPeople(
  tx: Tx,
  programmeId: string,
  file: ProgrammeFile,
  teamId: (key: string | undefined) => string | null,
  count: Count,
): Promise<Map<string, Member>> {
  const people = [
    ...file.staff.map((x) => ({ ...x, role: "staff" as const, teamKey: undefined as string | undefined })),
    ...file.coaches.map((x) => ({ ...x, role: "coach" as const, teamKey: undefined as string | undefined })),
    ...file.teams.flatMap((t) => t.members.map((x) => ({ ...x, role: "member" as const, teamKey: t.key }))),
  ];
  const data = (person: (typeof people)[number]) => ({
    name: person.name,
    email: person.email ?? null,
    role: person.role,
    teamId: teamId(person.teamKey),
  });
  const members = await syncByKey({
    entity: "members",
    existing: await tx.member.findMany({ where: { programmeId } }),
    rowKey: (row) => row.key,
    items: people,
    itemKey: (person) => person.key,
    data,
    createMany: (items) =>
      tx.member.createManyAndReturn({ data: items.map((x) => ({ programmeId, key: x.key, ...data(x) })) }),
    update: (id, changes) => tx.member.update({ where: { id }, data: changes }),
    count,
  });

  // Identities are not counted (as before): they follow their person.
  const wanted = new Map<string, { platform: Platform; externalId: string; memberId: string }>();
  for (const person of people) {
    const memberId = members.get(person.key)?.id;
    const ids: [Platform, string | undefined][] = [
      ["slack", person.slack],
      ["teams", person.teams],
      ["local", person.key],
    ];
    for (const [platform, externalId] of ids) {
      if (externalId && memberId) wanted.set(`${platform}:${externalId}`, { platform, externalId, memberId });
    }
  }
  const held = new Map(
    (await tx.platformIdentity.findMany({ where: { programmeId } })).map((row) => [
      `${row.platform}:${row.externalId}`,
      row,
    ]),
  );
  const missing = [...wanted].filter(([key]) => !held.has(key)).map(([, identity]) => identity);
  if (missing.length > 0)
    await tx.platformIdentity.createMany({ data: missing.map((identity) => ({ programmeId, ...identity })) });
  for (const [key, identity] of wanted) {
    const row = held.get(key);
    if (row && row.memberId !== identity.memberId)
      await tx.platformIdentity.update({ where: { id: row.id }, data: { memberId: identity.memberId } });
  }
  return members;
}
