import type { Prisma } from '../../generated/prisma/client.ts';
import { newId } from '../ids.ts';

export interface ContactIdentity {
  /** Every JID the person (or group) is known by in this event: phone JID, @lid, group JID. */
  jids: string[];
  /** E.164, when one of the JIDs is a phone JID. */
  phone: string | null;
  name: string | null;
  isGroup: boolean;
}

interface ContactRow {
  id: string;
  phone: string | null;
  jids: string[];
  name: string | null;
}

/**
 * The one Contact behind a set of identities, created when new. A person seen as `@lid` in one
 * event and by phone JID in another is one contact: identities are merged as soon as one event
 * carries both (Evolution's `remoteJidAlt` / `participantAlt`), folding two existing rows into one.
 * Advisory locks on every identity, taken in a fixed order, keep concurrent deliveries from
 * creating duplicates. A new contact's id is added to `created`, for the caller to meter (usage
 * counts new contacts) at the end of its transaction.
 */
export async function resolveContact(
  tx: Prisma.TransactionClient,
  businessId: string,
  identity: ContactIdentity,
  created?: string[],
): Promise<string> {
  const keys = [...new Set([...(identity.phone ? [identity.phone] : []), ...identity.jids])].map((key) => `${businessId}:${key}`).sort();
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;

  const matches = await tx.$queryRaw<ContactRow[]>`
    SELECT id, phone, jids, name FROM "Contact"
    WHERE "businessId" = ${businessId} AND ("phone" = ${identity.phone} OR "jids" && ${identity.jids}::text[])
    ORDER BY ("phone" IS NULL), "firstSeenAt"`;

  if (matches.length === 0) {
    const id = newId();
    await tx.$executeRaw`
      INSERT INTO "Contact" (id, "businessId", phone, name, jids, "isGroup")
      VALUES (${id}, ${businessId}, ${identity.phone}, ${identity.name}, ${identity.jids}::text[], ${identity.isGroup})`;
    created?.push(id);
    return id;
  }

  const [keep, ...duplicates] = matches as [ContactRow, ...ContactRow[]];
  for (const duplicate of duplicates) await mergeContactInto(tx, duplicate.id, keep.id);
  const jids = [...new Set([...keep.jids, ...duplicates.flatMap((duplicate) => duplicate.jids), ...identity.jids])];
  const phone = keep.phone ?? identity.phone;
  const name = keep.name ?? duplicates.find((duplicate) => duplicate.name)?.name ?? identity.name;
  if (jids.length !== keep.jids.length || phone !== keep.phone || name !== keep.name || duplicates.length > 0) {
    await tx.$executeRaw`UPDATE "Contact" SET jids = ${jids}::text[], phone = ${phone}, name = ${name} WHERE id = ${keep.id}`;
  }
  return keep.id;
}

/** Moves everything of `fromId` onto `intoId` (conversations on the same line are joined) and deletes it. */
async function mergeContactInto(tx: Prisma.TransactionClient, fromId: string, intoId: string): Promise<void> {
  const conversations = await tx.$queryRaw<{ id: string; instanceId: string; target: string | null }[]>`
    SELECT c.id, c."instanceId", t.id AS target
    FROM "Conversation" c
    LEFT JOIN "Conversation" t ON t."instanceId" = c."instanceId" AND t."contactId" = ${intoId}
    WHERE c."contactId" = ${fromId}`;
  for (const conversation of conversations) {
    if (conversation.target) {
      await tx.$executeRaw`UPDATE "Message" SET "conversationId" = ${conversation.target} WHERE "conversationId" = ${conversation.id}`;
      await tx.$executeRaw`UPDATE "AiRun" SET "conversationId" = ${conversation.target} WHERE "conversationId" = ${conversation.id}`;
      await tx.$executeRaw`
        UPDATE "Conversation" t SET
          "unreadCount" = t."unreadCount" + c."unreadCount",
          "lastMessageId" = CASE WHEN c."lastMessageAt" > t."lastMessageAt" OR t."lastMessageAt" IS NULL THEN c."lastMessageId" ELSE t."lastMessageId" END,
          "lastMessageAt" = GREATEST(t."lastMessageAt", c."lastMessageAt")
        FROM "Conversation" c WHERE t.id = ${conversation.target} AND c.id = ${conversation.id}`;
      await tx.$executeRaw`DELETE FROM "Conversation" WHERE id = ${conversation.id}`;
    } else {
      await tx.$executeRaw`UPDATE "Conversation" SET "contactId" = ${intoId} WHERE id = ${conversation.id}`;
    }
  }
  await tx.$executeRaw`UPDATE "Call" SET "contactId" = ${intoId} WHERE "contactId" = ${fromId}`;
  await tx.$executeRaw`
    UPDATE "Contact" t SET "firstSeenAt" = LEAST(t."firstSeenAt", f."firstSeenAt"), "lastSeenAt" = GREATEST(t."lastSeenAt", f."lastSeenAt"),
      "optedOut" = t."optedOut" OR f."optedOut"
    FROM "Contact" f WHERE t.id = ${intoId} AND f.id = ${fromId}`;
  await tx.$executeRaw`DELETE FROM "Contact" WHERE id = ${fromId}`;
}

/** Updates the display name of a contact already known by one of these JIDs; never creates one. */
export async function renameKnownContact(tx: Prisma.TransactionClient, businessId: string, jids: string[], name: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Contact" SET name = ${name}
    WHERE "businessId" = ${businessId} AND "jids" && ${jids}::text[] AND (name IS NULL OR name <> ${name})`;
}
