import type { ContactIdentity } from './contacts.ts';
import { type InboundMessage, jidToPhone } from './evolution-events.ts';

/**
 * How a normalised WhatsApp message becomes row values — one definition for both ingestion paths
 * (the per-delivery transaction and the group-commit statement).
 */

/** The person (or group) a message's chat belongs to, by every identity the event carries. */
export function contactIdentity(message: InboundMessage): ContactIdentity {
  const jids = [message.chatJid, ...(message.chatAltJid ? [message.chatAltJid] : [])];
  return {
    jids,
    phone: message.isGroup ? null : (jids.map(jidToPhone).find((phone) => phone !== null) ?? null),
    // Our own messages carry our name, not the customer's.
    name: message.fromMe || message.isGroup ? null : message.pushName,
    isGroup: message.isGroup,
  };
}

/** Who wrote a group message; null for 1:1 chats and our own messages. */
export function senderOf(message: InboundMessage): { jid: string | null; name: string | null } {
  if (!message.isGroup || message.fromMe) return { jid: null, name: null };
  return { jid: message.participantAltJid ?? message.participantJid, name: message.pushName };
}

/** Media metadata for the row; raw base64 stays in the stored webhook event only. */
export function storedMedia(message: InboundMessage): Record<string, unknown> | null {
  if (!message.media) return null;
  const { base64: _inline, ...media } = message.media;
  return { ...media, hasInlineData: message.media.base64 !== null };
}

export function storedReaction(message: InboundMessage): { targetExternalId: string; emoji: string } | null {
  return message.reaction ? { targetExternalId: message.reaction.targetExternalId, emoji: message.reaction.emoji } : null;
}
