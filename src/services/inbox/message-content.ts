import type { Message } from '../../generated/prisma/client.ts';

/**
 * What a message says, read from its stored row. Media, location and reaction are JSON written by
 * ingestion and by the outbox; they are read field by field so a row written by an older or newer
 * writer still answers. A message deleted for everyone keeps its row, but not its content.
 */

export interface MediaView {
  url: string | null;
  mimeType: string | null;
  fileName: string | null;
  caption: string | null;
  sizeBytes: number | null;
  isVoiceNote: boolean;
}

export interface LocationView {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export interface ReactionView {
  emoji: string;
  /** The line both messages are on: WhatsApp ids are unique per line only. */
  instanceId: string;
  targetExternalId: string;
}

type Json = Message['media'];

function record(value: Json): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function textOf(message: Pick<Message, 'body' | 'deletedAt'>): string | null {
  return message.deletedAt ? null : message.body;
}

export function mediaOf(message: Pick<Message, 'media' | 'deletedAt'>): MediaView | null {
  const media = record(message.media);
  if (!media || message.deletedAt) return null;
  return {
    url: text(media.url),
    mimeType: text(media.mimeType),
    fileName: text(media.fileName),
    caption: text(media.caption),
    sizeBytes: number(media.sizeBytes),
    isVoiceNote: media.isVoiceNote === true,
  };
}

export function locationOf(message: Pick<Message, 'location' | 'deletedAt'>): LocationView | null {
  const location = record(message.location);
  const latitude = number(location?.latitude);
  const longitude = number(location?.longitude);
  if (!location || latitude === null || longitude === null || message.deletedAt) return null;
  return { latitude, longitude, name: text(location.name), address: text(location.address) };
}

export function reactionOf(message: Pick<Message, 'reaction' | 'instanceId'>): ReactionView | null {
  const reaction = record(message.reaction);
  const targetExternalId = text(reaction?.targetExternalId);
  if (!reaction || targetExternalId === null) return null;
  return { emoji: text(reaction.emoji) ?? '', instanceId: message.instanceId, targetExternalId };
}
