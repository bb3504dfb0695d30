/**
 * Turns one Evolution API webhook delivery (`{event, instance, data, …}`, already JSON-parsed)
 * into typed, normalised events. Pure: no I/O, no database — the ingestion stores the raw body,
 * calls these functions, and applies the result.
 *
 * Ground truth: ../shared/evolution/CONTRACT.md §6–§9 (Evolution API 2.3.x). Unknown events and
 * unknown message kinds are tolerated; a known event with the wrong shape throws
 * `MalformedEventError` so the delivery can be stored as FAILED and replayed after a fix.
 */
import type { MessageStatus, MessageType } from '../../generated/prisma/enums.ts';
import type { ConnectionState, Presence } from './gateway.ts';

export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

// ---------------------------------------------------------------------------------------------
// Types

export interface Envelope {
  /** Dotted lower-case payload form (`messages.upsert`), whatever spelling arrived. */
  event: string;
  /** Evolution instance **name**. */
  instanceName: string;
  data: unknown;
  /** JID of the connected account; absent until the instance has connected once. */
  sender: string | null;
  /** Evolution's `date_time`: server wall-clock time labelled UTC, so only approximate. */
  dateTime: string | null;
}

export interface InboundMedia {
  mimeType: string | null;
  fileName: string | null;
  caption: string | null;
  sizeBytes: number | null;
  seconds: number | null;
  isVoiceNote: boolean;
  /** S3/MinIO `message.mediaUrl` when storage is on, else the (encrypted) WhatsApp CDN url. */
  url: string | null;
  /** Raw base64 (no `data:` prefix), only when the instance webhook has `base64: true`. */
  base64: string | null;
}

export interface InboundLocation {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export interface InboundContactCard {
  displayName: string | null;
  vcard: string | null;
}

export interface InboundReaction {
  targetExternalId: string;
  /** "" means the reaction was removed. */
  emoji: string;
}

export interface InboundMessage {
  externalId: string;
  chatJid: string;
  /** The peer's other identity (`@lid` ↔ phone JID), when Baileys knows it. */
  chatAltJid: string | null;
  isGroup: boolean;
  /** Stories (`status@broadcast`), broadcast lists and newsletters. */
  isBroadcast: boolean;
  fromMe: boolean;
  participantJid: string | null;
  participantAltJid: string | null;
  pushName: string | null;
  type: MessageType;
  text: string | null;
  media: InboundMedia | null;
  location: InboundLocation | null;
  contact: InboundContactCard | null;
  reaction: InboundReaction | null;
  quotedExternalId: string | null;
  timestamp: Date;
  /** Evolution's raw status (`DELIVERY_ACK`, `SERVER_ACK`, `PENDING`…). */
  status: string | null;
}

export type DeliveryStatus = Extract<MessageStatus, 'PENDING' | 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED'>;

export interface StatusUpdate {
  externalId: string;
  chatJid: string;
  fromMe: boolean;
  /** null for `DELETED` (Evolution's "unknown status") and anything unrecognised. */
  status: DeliveryStatus | null;
}

export interface QrPayload {
  code: string | null;
  /** `data:image/png;base64,…` */
  image: string | null;
  pairingCode: string | null;
}

export interface ContactInfo {
  jid: string;
  altJid: string | null;
  name: string | null;
}

export type NormalisedEvent =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'sent'; message: InboundMessage }
  | { kind: 'status'; update: StatusUpdate }
  | { kind: 'edited'; targetExternalId: string; chatJid: string; newText: string | null; editedAt: Date | null }
  | { kind: 'deleted'; targetExternalId: string; chatJid: string; fromMe: boolean }
  | {
      kind: 'connection';
      state: ConnectionState;
      statusReason: number | null;
      ownJid: string | null;
      profileName: string | null;
      profilePictureUrl: string | null;
    }
  | { kind: 'qr'; qr: QrPayload }
  | { kind: 'qrLimit'; message: string }
  | { kind: 'loggedOut' }
  | { kind: 'removed' }
  | { kind: 'instanceStatus'; status: string; reasonCode: number | null; at: Date | null }
  | { kind: 'instanceCreated' }
  | { kind: 'contact'; contact: ContactInfo }
  | { kind: 'chatRead'; chatJid: string }
  | { kind: 'chat'; chatJid: string; name: string | null }
  | { kind: 'presence'; chatJid: string; participantJid: string; presence: Presence }
  | { kind: 'ignored'; reason: string };

export type NormalisedEventKind = NormalisedEvent['kind'];

// ---------------------------------------------------------------------------------------------
// Narrowing helpers

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-empty string or null: Evolution uses "" and null interchangeably for "none". */
function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function optionalDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function requireRecord(value: unknown, path: string): UnknownRecord {
  if (!isRecord(value)) throw new MalformedEventError(`${path} must be an object, got ${describe(value)}`);
  return value;
}

function requireString(record: UnknownRecord, key: string, path: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') {
    throw new MalformedEventError(`${path}.${key} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** Several events carry either one object or an array of them (CONTRACT §8). */
function toList(value: unknown, path: string): { item: unknown; path: string }[] {
  if (Array.isArray(value)) return value.map((item, index) => ({ item, path: `${path}[${index}]` }));
  return [{ item: requireRecord(value, path), path }];
}

/**
 * int64 fields arrive as `{low, high, unsigned}` (2.3.x), a number, or a numeric string (2.2.x).
 * `low` is serialised signed, so it is reinterpreted as unsigned before combining.
 */
function int64ToNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    return /^-?\d+$/.test(value) ? Number(value) : null;
  }
  if (isRecord(value) && typeof value.low === 'number' && typeof value.high === 'number') {
    const high = value.unsigned === true ? value.high >>> 0 : value.high;
    return high * 2 ** 32 + (value.low >>> 0);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Envelope and event names

/** Every payload event name of Evolution 2.3.x (CONTRACT §6). */
const PAYLOAD_EVENT_NAMES = [
  'application.startup',
  'instance.create',
  'instance.delete',
  'qrcode.updated',
  'connection.update',
  'status.instance',
  'messages.set',
  'messages.upsert',
  'messages.edited',
  'messages.update',
  'messages.delete',
  'send.message',
  'send.message.update',
  'contacts.set',
  'contacts.upsert',
  'contacts.update',
  'presence.update',
  'chats.set',
  'chats.upsert',
  'chats.update',
  'chats.delete',
  'groups.upsert',
  'groups.update',
  'group-participants.update',
  'labels.edit',
  'labels.association',
  'call',
  'typebot.start',
  'typebot.change-status',
  'remove.instance',
  'logout.instance',
] as const;

function toConfigName(name: string): string {
  return name.replace(/[.-]/g, '_').toUpperCase();
}

/**
 * Config name → payload name. The server's rule (`.`/`-` → `_`, upper-case) loses which separator
 * was which, so the reverse needs this table. `GROUP_UPDATE` is the config name Evolution accepts
 * for `groups.update` (its own naming quirk).
 */
const PAYLOAD_NAME_BY_CONFIG_NAME = new Map<string, string>([
  ...PAYLOAD_EVENT_NAMES.map((name) => [toConfigName(name), name] as const),
  ['GROUP_UPDATE', 'groups.update'],
]);

/**
 * Accepts the payload form (`messages.upsert`), the config form (`MESSAGES_UPSERT`) and the
 * by-events URL suffix (`messages-upsert`); returns the payload form. Unknown names without a dot
 * get the general rule (separators → `.`), which is right for every event but the hyphenated ones.
 */
export function normaliseEventName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes('.')) return trimmed.toLowerCase();
  const configName = toConfigName(trimmed);
  return PAYLOAD_NAME_BY_CONFIG_NAME.get(configName) ?? configName.toLowerCase().replace(/_/g, '.');
}

export function parseEnvelope(body: unknown): Envelope {
  if (!isRecord(body)) throw new MalformedEventError(`webhook body must be a JSON object, got ${describe(body)}`);
  const event = requireString(body, 'event', 'body');
  const instanceName = requireString(body, 'instance', 'body');
  return {
    event: normaliseEventName(event),
    instanceName,
    // `data` is null for logout/remove; a missing key means the same thing.
    data: body.data ?? null,
    sender: optionalString(body.sender),
    dateTime: optionalString(body.date_time),
  };
}

// ---------------------------------------------------------------------------------------------
// Messages (messages.upsert, messages.set, send.message)

/** Content keys that wrap the real message as `{message: {...}}` (disappearing, view-once). */
const WRAPPER_KEYS = ['ephemeralMessage', 'viewOnceMessage', 'viewOnceMessageV2', 'viewOnceMessageV2Extension', 'documentWithCaptionMessage'];

const MEDIA_KEYS = new Map<string, MessageType>([
  ['imageMessage', 'IMAGE'],
  ['videoMessage', 'VIDEO'],
  ['ptvMessage', 'VIDEO'],
  ['audioMessage', 'AUDIO'],
  ['documentMessage', 'DOCUMENT'],
  ['stickerMessage', 'STICKER'],
]);

interface Content {
  type: MessageType;
  key: string | null;
  body: UnknownRecord;
}

function unwrap(message: UnknownRecord): UnknownRecord {
  for (const key of WRAPPER_KEYS) {
    const wrapper = message[key];
    if (isRecord(wrapper) && isRecord(wrapper.message)) return unwrap(wrapper.message);
  }
  return message;
}

/** Finds the one content key of a WhatsApp message object (the rest is metadata). */
function findContent(message: UnknownRecord): Content {
  if (typeof message.conversation === 'string') return { type: 'TEXT', key: 'conversation', body: {} };
  const candidates: [string, MessageType][] = [
    ['extendedTextMessage', 'TEXT'],
    ...MEDIA_KEYS,
    ['locationMessage', 'LOCATION'],
    ['liveLocationMessage', 'LOCATION'],
    ['contactMessage', 'CONTACT'],
    ['reactionMessage', 'REACTION'],
  ];
  for (const [key, type] of candidates) {
    const body = message[key];
    if (isRecord(body)) return { type, key, body };
  }
  return { type: 'UNKNOWN', key: null, body: {} };
}

function isMedia(content: Content): boolean {
  return content.key !== null && MEDIA_KEYS.has(content.key);
}

function textOf(message: UnknownRecord, content: Content): string | null {
  if (content.key === 'conversation') return optionalString(message.conversation);
  if (content.key === 'extendedTextMessage') return optionalString(content.body.text);
  if (isMedia(content)) return optionalString(content.body.caption);
  return null;
}

function mediaOf(message: UnknownRecord, content: Content): InboundMedia | null {
  if (!isMedia(content)) return null;
  const body = content.body;
  return {
    mimeType: optionalString(body.mimetype),
    fileName: optionalString(body.fileName),
    caption: optionalString(body.caption),
    sizeBytes: int64ToNumber(body.fileLength),
    seconds: optionalNumber(body.seconds),
    isVoiceNote: body.ptt === true,
    url: optionalString(message.mediaUrl) ?? optionalString(body.url),
    base64: optionalString(message.base64),
  };
}

function locationOf(content: Content): InboundLocation | null {
  if (content.type !== 'LOCATION') return null;
  const latitude = optionalNumber(content.body.degreesLatitude);
  const longitude = optionalNumber(content.body.degreesLongitude);
  if (latitude === null || longitude === null) return null;
  return { latitude, longitude, name: optionalString(content.body.name), address: optionalString(content.body.address) };
}

function contactOf(content: Content): InboundContactCard | null {
  if (content.type !== 'CONTACT') return null;
  return { displayName: optionalString(content.body.displayName), vcard: optionalString(content.body.vcard) };
}

function reactionOf(content: Content): InboundReaction | null {
  if (content.type !== 'REACTION' || !isRecord(content.body.key)) return null;
  const targetExternalId = optionalString(content.body.key.id);
  if (targetExternalId === null) return null;
  return { targetExternalId, emoji: typeof content.body.text === 'string' ? content.body.text : '' };
}

/** Evolution copies the quote's contextInfo to the top level; older shapes keep it in the content. */
function quotedIdOf(data: UnknownRecord, content: Content): string | null {
  const topLevel = isRecord(data.contextInfo) ? optionalString(data.contextInfo.stanzaId) : null;
  if (topLevel !== null) return topLevel;
  return isRecord(content.body.contextInfo) ? optionalString(content.body.contextInfo.stanzaId) : null;
}

/** Own messages carry the literal Portuguese "Você" ("you") instead of a name. */
const OWN_PUSH_NAME = 'Você';

function parseMessage(data: unknown, path: string, now: Date): InboundMessage {
  const record = requireRecord(data, path);
  const key = requireRecord(record.key, `${path}.key`);
  const externalId = requireString(key, 'id', `${path}.key`);
  const chatJid = requireString(key, 'remoteJid', `${path}.key`);
  const fromMe = key.fromMe === true;
  const message = isRecord(record.message) ? record.message : {};
  const inner = unwrap(message);
  const content = findContent(inner);
  const pushName = optionalString(record.pushName);
  const seconds = int64ToNumber(record.messageTimestamp);
  return {
    externalId,
    chatJid,
    chatAltJid: optionalString(key.remoteJidAlt),
    isGroup: chatJid.endsWith('@g.us'),
    isBroadcast: chatJid.endsWith('@broadcast') || chatJid.endsWith('@newsletter'),
    fromMe,
    participantJid: optionalString(key.participant),
    participantAltJid: optionalString(key.participantAlt),
    pushName: fromMe && pushName === OWN_PUSH_NAME ? null : pushName,
    type: content.type,
    text: textOf(inner, content),
    // base64 / mediaUrl sit next to the content key on the outer message, not inside wrappers.
    media: mediaOf(message, content),
    location: locationOf(content),
    contact: contactOf(content),
    reaction: reactionOf(content),
    quotedExternalId: quotedIdOf(record, content),
    timestamp: seconds === null ? now : new Date(seconds * 1000),
    status: optionalString(record.status),
  };
}

// ---------------------------------------------------------------------------------------------
// Receipts, edits, deletes

/** Evolution status → ours; `DELETED` (Evolution's "unknown") and anything else map to null. */
const DELIVERY_STATUS = new Map<string, DeliveryStatus>([
  ['PENDING', 'PENDING'],
  ['SERVER_ACK', 'SENT'],
  ['DELIVERY_ACK', 'DELIVERED'],
  ['READ', 'READ'],
  ['PLAYED', 'PLAYED'],
  ['ERROR', 'FAILED'],
]);

/** Our delivery status for an Evolution receipt status, or null when it says nothing usable. */
export function deliveryStatusOf(raw: string | null): DeliveryStatus | null {
  return raw === null ? null : (DELIVERY_STATUS.get(raw) ?? null);
}

function parseStatusUpdate(item: unknown, path: string): NormalisedEvent {
  const record = requireRecord(item, path);
  const raw = optionalString(record.status);
  return {
    kind: 'status',
    update: {
      externalId: requireString(record, 'keyId', path),
      chatJid: requireString(record, 'remoteJid', path),
      fromMe: record.fromMe === true,
      status: deliveryStatusOf(raw),
    },
  };
}

/** Baileys `ProtocolMessage.Type`; a toJSON'd protobuf would spell it by name. */
const PROTOCOL_REVOKE = 0;
const PROTOCOL_EDIT = 14;
const PROTOCOL_TYPE_BY_NAME = new Map([
  ['REVOKE', PROTOCOL_REVOKE],
  ['MESSAGE_EDIT', PROTOCOL_EDIT],
]);

function protocolType(record: UnknownRecord, path: string): number {
  const type = record.type;
  if (typeof type === 'number') return type;
  const byName = typeof type === 'string' ? PROTOCOL_TYPE_BY_NAME.get(type) : undefined;
  if (byName !== undefined) return byName;
  throw new MalformedEventError(`${path}.type must be a protocol message type, got ${describe(type)}`);
}

/** messages.edited: data is the protocolMessage `{key, type, editedMessage?, timestampMs?}`. */
function parseProtocolMessage(data: unknown, path: string): NormalisedEvent {
  const record = requireRecord(data, path);
  const key = requireRecord(record.key, `${path}.key`);
  const targetExternalId = requireString(key, 'id', `${path}.key`);
  const chatJid = requireString(key, 'remoteJid', `${path}.key`);
  const type = protocolType(record, path);
  if (type === PROTOCOL_REVOKE) return { kind: 'deleted', targetExternalId, chatJid, fromMe: key.fromMe === true };
  if (type !== PROTOCOL_EDIT) return { kind: 'ignored', reason: `messages.edited protocol type ${type} is not used` };
  const edited = isRecord(record.editedMessage) ? unwrap(record.editedMessage) : {};
  const editedAtMs = int64ToNumber(record.timestampMs);
  return {
    kind: 'edited',
    targetExternalId,
    chatJid,
    newText: textOf(edited, findContent(edited)),
    editedAt: editedAtMs === null ? null : new Date(editedAtMs),
  };
}

/** messages.delete: the revoked key, or (API deletes) the stored row with the key under `key`. */
function parseDelete(data: unknown, path: string): NormalisedEvent {
  const record = requireRecord(data, path);
  const keyPath = isRecord(record.key) ? `${path}.key` : path;
  const key = isRecord(record.key) ? record.key : record;
  return {
    kind: 'deleted',
    targetExternalId: requireString(key, 'id', keyPath),
    chatJid: requireString(key, 'remoteJid', keyPath),
    fromMe: key.fromMe === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Instance lifecycle

const CONNECTION_STATES: readonly string[] = ['open', 'connecting', 'close', 'refused'] satisfies ConnectionState[];

function isConnectionState(value: unknown): value is ConnectionState {
  return typeof value === 'string' && CONNECTION_STATES.includes(value);
}

function parseConnection(data: unknown, path: string): NormalisedEvent {
  const record = requireRecord(data, path);
  if (!isConnectionState(record.state)) {
    const got = typeof record.state === 'string' ? JSON.stringify(record.state) : describe(record.state);
    throw new MalformedEventError(`${path}.state must be one of ${CONNECTION_STATES.join('|')}, got ${got}`);
  }
  return {
    kind: 'connection',
    state: record.state,
    statusReason: optionalNumber(record.statusReason),
    ownJid: optionalString(record.wuid),
    profileName: optionalString(record.profileName),
    profilePictureUrl: optionalString(record.profilePictureUrl),
  };
}

/** qrcode.updated: `{qrcode: {...}}` normally, `{message, statusCode}` once the QR limit is hit. */
function parseQr(data: unknown, path: string): NormalisedEvent {
  const record = requireRecord(data, path);
  if (isRecord(record.qrcode)) {
    const qr = record.qrcode;
    return {
      kind: 'qr',
      qr: { code: optionalString(qr.code), image: optionalString(qr.base64), pairingCode: optionalString(qr.pairingCode) },
    };
  }
  if (typeof record.message === 'string') return { kind: 'qrLimit', message: record.message };
  throw new MalformedEventError(`${path} must have a qrcode object or a message, got neither`);
}

function parseInstanceStatus(data: unknown, path: string): NormalisedEvent {
  const record = requireRecord(data, path);
  return {
    kind: 'instanceStatus',
    status: requireString(record, 'status', path),
    reasonCode: optionalNumber(record.disconnectionReasonCode),
    at: optionalDate(record.disconnectionAt),
  };
}

// ---------------------------------------------------------------------------------------------
// Contacts, chats, presence

/** The user part of a JID without the device suffix: `12025550123:4@s.whatsapp.net` → `12025550123`. */
function jidUser(jid: string): string {
  return jid.split('@')[0]!.split(':')[0]!;
}

function parseContact(item: unknown, path: string): NormalisedEvent {
  const record = requireRecord(item, path);
  const jid = requireString(record, 'remoteJid', path);
  const pushName = optionalString(record.pushName);
  return {
    kind: 'contact',
    contact: {
      jid,
      // Not sent by 2.3.6 contact events; newer builds add it with the same name as on message keys.
      altJid: optionalString(record.remoteJidAlt),
      // Evolution falls back to the bare number when WhatsApp has no name: not a name.
      name: pushName === jidUser(jid) ? null : pushName,
    },
  };
}

/** Chat rows without a JID (`[{id, name}]` after a rename) name a DB row we cannot map: skipped. */
function parseChat(item: unknown, path: string): NormalisedEvent | null {
  const record = requireRecord(item, path);
  const chatJid = optionalString(record.remoteJid);
  if (chatJid === null) return null;
  if (record.unreadMessages === 0) return { kind: 'chatRead', chatJid };
  return { kind: 'chat', chatJid, name: optionalString(record.name) };
}

const PRESENCES: readonly string[] = ['available', 'unavailable', 'composing', 'recording', 'paused'] satisfies Presence[];

function isPresence(value: unknown): value is Presence {
  return typeof value === 'string' && PRESENCES.includes(value);
}

function parsePresence(data: unknown, path: string): NormalisedEvent[] {
  const record = requireRecord(data, path);
  const chatJid = requireString(record, 'id', path);
  const presences = requireRecord(record.presences, `${path}.presences`);
  // Presence is advisory: an entry with a value we do not know is dropped rather than failing the delivery.
  return Object.entries(presences).flatMap(([participantJid, entry]): NormalisedEvent[] => {
    const presence = isRecord(entry) ? entry.lastKnownPresence : undefined;
    return isPresence(presence) ? [{ kind: 'presence', chatJid, participantJid, presence }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** An empty result would look like "nothing happened"; say why instead. */
function orIgnored(events: NormalisedEvent[], reason: string): NormalisedEvent[] {
  return events.length > 0 ? events : [{ kind: 'ignored', reason }];
}

/**
 * One delivery → zero-or-more applied events (never an empty array: at least one `ignored`).
 * `now` stands in for a missing `messageTimestamp`.
 */
export function normaliseEvent(envelope: Envelope, now: Date = new Date()): NormalisedEvent[] {
  const { event, data } = envelope;
  const path = `${event} data`;
  switch (event) {
    case 'messages.upsert':
      return [{ kind: 'message', message: parseMessage(data, path, now) }];
    case 'messages.set':
      return orIgnored(
        toList(data, path).map(({ item, path: itemPath }) => ({ kind: 'message', message: parseMessage(item, itemPath, now) })),
        'messages.set carried no messages',
      );
    case 'send.message':
      return [{ kind: 'sent', message: parseMessage(data, path, now) }];
    case 'messages.update':
      return orIgnored(toList(data, path).map(({ item, path: itemPath }) => parseStatusUpdate(item, itemPath)), 'messages.update carried no updates');
    case 'messages.edited':
      return [parseProtocolMessage(data, path)];
    case 'messages.delete':
      return [parseDelete(data, path)];
    case 'connection.update':
      return [parseConnection(data, path)];
    case 'qrcode.updated':
      return [parseQr(data, path)];
    case 'status.instance':
      return [parseInstanceStatus(data, path)];
    case 'logout.instance':
      return [{ kind: 'loggedOut' }];
    case 'remove.instance':
    case 'instance.delete':
      return [{ kind: 'removed' }];
    case 'instance.create':
      return [{ kind: 'instanceCreated' }];
    case 'contacts.upsert':
    case 'contacts.update':
      return orIgnored(toList(data, path).map(({ item, path: itemPath }) => parseContact(item, itemPath)), `${event} carried no contacts`);
    case 'chats.upsert':
    case 'chats.update':
      return orIgnored(
        toList(data, path).flatMap(({ item, path: itemPath }) => parseChat(item, itemPath) ?? []),
        `${event} carried no chat JID`,
      );
    case 'presence.update':
      return orIgnored(parsePresence(data, path), 'presence.update carried no known presence');
    default:
      return [{ kind: 'ignored', reason: `${event} is not used` }];
  }
}

// ---------------------------------------------------------------------------------------------
// Deduplication

/**
 * Evolution has no delivery id and retries (and double-posts to the global webhook), so a
 * delivery is identified by what it changes. Keys are scoped by instance name because the same
 * WhatsApp message id reaches every one of our lines in a shared group. Null where replays are
 * harmless or where the latest delivery must win (connection, QR, presence, contacts, chats).
 */
export function dedupeKey(envelope: Envelope, event: NormalisedEvent): string | null {
  const instance = envelope.instanceName;
  switch (event.kind) {
    case 'message':
      return `msg:${instance}:${event.message.externalId}`;
    case 'sent':
      return `sent:${instance}:${event.message.externalId}`;
    case 'status':
      // A null status changes nothing, so there is nothing to protect.
      return event.update.status === null ? null : `status:${instance}:${event.update.externalId}:${event.update.status}`;
    case 'edited':
      // Without a timestamp two different edits are indistinguishable; re-applying one is harmless.
      return event.editedAt === null ? null : `edit:${instance}:${event.targetExternalId}:${event.editedAt.getTime()}`;
    case 'deleted':
      // messages.edited (type 0) and messages.delete both report a revoke: one key for both.
      return `del:${instance}:${event.targetExternalId}`;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// JIDs

export function isLidJid(jid: string): boolean {
  return jid.endsWith('@lid');
}

/** `12025550123@s.whatsapp.net` (optionally with a `:device` suffix) → `+12025550123`; other JIDs → null. */
export function jidToPhone(jid: string): string | null {
  if (!jid.endsWith('@s.whatsapp.net')) return null;
  const user = jidUser(jid);
  // E.164: a non-zero country-code digit, at most 15 digits in all.
  return /^[1-9]\d{1,14}$/.test(user) ? `+${user}` : null;
}
