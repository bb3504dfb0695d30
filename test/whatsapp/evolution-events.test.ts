import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dedupeKey,
  isLidJid,
  jidToPhone,
  MalformedEventError,
  normaliseEvent,
  normaliseEventName,
  parseEnvelope,
  type InboundMessage,
  type NormalisedEvent,
} from '../../src/services/whatsapp/evolution-events.ts';

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/evolution/fixtures');
const WEBHOOK_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => name.startsWith('webhook-') && name.endsWith('.json'))
  .sort();

/** Fixed clock so a missing messageTimestamp is observable. */
const NOW = new Date('2030-01-01T00:00:00.000Z');

function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

function normalise(body: unknown): NormalisedEvent[] {
  return normaliseEvent(parseEnvelope(body), NOW);
}

function webhook(event: string, data: unknown, instance = 'acme-sales'): Record<string, unknown> {
  return { event, instance, data, date_time: '2025-11-22T00:00:00.000Z', server_url: 'https://evolution.example.test' };
}

type FixtureBody = { data: Record<string, unknown> } & Record<string, unknown>;

/** Structured copy of a fixture body, to derive malformed or variant deliveries from real shapes. */
function fixtureRecord(name: string): FixtureBody {
  return structuredClone(loadFixture(name)) as FixtureBody;
}

const MARIA = '12025550123@s.whatsapp.net';
const MARIA_LID = '210987654321098@lid';
const OUR_SENT_ID = '3EB0A9C1D2E3F4A5B6C7D8';
const IMAGE_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** An incoming 1:1 text from Maria; each fixture states what differs. */
function inbound(overrides: Partial<InboundMessage>): InboundMessage {
  return {
    externalId: 'unset',
    chatJid: MARIA,
    chatAltJid: MARIA_LID,
    isGroup: false,
    isBroadcast: false,
    fromMe: false,
    participantJid: null,
    participantAltJid: null,
    pushName: 'Maria Example',
    type: 'TEXT',
    text: null,
    media: null,
    location: null,
    contact: null,
    reaction: null,
    quotedExternalId: null,
    timestamp: new Date(0),
    status: 'DELIVERY_ACK',
    ...overrides,
  };
}

function cdnUrl(directory: string): unknown {
  return expect.stringMatching(new RegExp(`^https://mmg\\.whatsapp\\.net/v/${directory.replace(/\./g, '\\.')}/.+\\.enc\\?`));
}

const EXPECTED: Record<string, NormalisedEvent[]> = {
  'webhook-messages-upsert-text.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
        text: 'Hi, is my order ready?',
        timestamp: new Date('2025-11-22T00:00:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-text-reply-quoted.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: '3A5F0C1D2E3B4A596877',
        text: 'Yes, that one please',
        quotedExternalId: OUR_SENT_ID,
        timestamp: new Date('2025-11-22T00:01:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-image-caption.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'B2C3D4E5F60718293A4B5C6D7E8F9012',
        type: 'IMAGE',
        text: 'Photo of the damaged box',
        media: {
          mimeType: 'image/jpeg',
          fileName: null,
          caption: 'Photo of the damaged box',
          sizeBytes: 184233,
          seconds: null,
          isVoiceNote: false,
          url: cdnUrl('t62.7118-24') as string,
          base64: null,
        },
        timestamp: new Date('2025-11-22T00:02:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-image-base64.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'C3D4E5F60718293A4B5C6D7E8F901234',
        type: 'IMAGE',
        media: {
          mimeType: 'image/png',
          fileName: null,
          caption: null,
          sizeBytes: 95,
          seconds: null,
          isVoiceNote: false,
          url: cdnUrl('t62.7118-24') as string,
          base64: IMAGE_PNG_BASE64,
        },
        timestamp: new Date('2025-11-22T00:03:10.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-audio-ptt.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'D4E5F60718293A4B5C6D7E8F90123456',
        type: 'AUDIO',
        media: {
          mimeType: 'audio/ogg; codecs=opus',
          fileName: null,
          caption: null,
          sizeBytes: 14872,
          seconds: 7,
          isVoiceNote: true,
          url: cdnUrl('t62.7117-24') as string,
          base64: null,
        },
        timestamp: new Date('2025-11-22T00:04:05.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-document.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'E5F60718293A4B5C6D7E8F9012345678',
        type: 'DOCUMENT',
        text: 'Here is the invoice',
        media: {
          mimeType: 'application/pdf',
          fileName: 'invoice-2025-117.pdf',
          caption: 'Here is the invoice',
          sizeBytes: 302117,
          seconds: null,
          isVoiceNote: false,
          url: cdnUrl('t62.7119-24') as string,
          base64: null,
        },
        timestamp: new Date('2025-11-22T00:05:05.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-location.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: '3A60718293A4B5C6D7E8',
        type: 'LOCATION',
        location: { latitude: 38.8977, longitude: -77.0365, name: 'Example Plaza', address: '100 Example Ave, Washington, DC' },
        timestamp: new Date('2025-11-22T00:06:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-reaction.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: 'F60718293A4B5C6D7E8F901234567890',
        type: 'REACTION',
        reaction: { targetExternalId: OUR_SENT_ID, emoji: '👍' },
        timestamp: new Date('2025-11-22T00:07:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-group-text.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: '0718293A4B5C6D7E8F90123456789ABC',
        chatJid: '120363041234567890@g.us',
        chatAltJid: null,
        isGroup: true,
        participantJid: '198765432109876@lid',
        participantAltJid: '12025550145@s.whatsapp.net',
        pushName: 'Joao Example',
        text: 'Meeting moved to 3pm',
        timestamp: new Date('2025-11-22T00:08:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-lid-text.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: '18293A4B5C6D7E8F90123456789ABCDE',
        chatJid: MARIA_LID,
        chatAltJid: MARIA,
        text: 'Hello again',
        timestamp: new Date('2025-11-22T00:09:00.000Z'),
      }),
    },
  ],
  'webhook-messages-upsert-fromme-phone.json': [
    {
      kind: 'message',
      message: inbound({
        externalId: '3A293A4B5C6D7E8F9012',
        fromMe: true,
        pushName: 'Acme Sales',
        text: 'Typed on the phone app',
        status: 'SERVER_ACK',
        timestamp: new Date('2025-11-22T00:10:00.000Z'),
      }),
    },
  ],
  'webhook-send-message-text.json': [
    {
      kind: 'sent',
      message: inbound({
        externalId: OUR_SENT_ID,
        chatAltJid: null,
        fromMe: true,
        pushName: null, // the literal "Você"
        text: 'Your order #117 is ready for pickup.',
        status: 'PENDING',
        timestamp: new Date('2025-11-22T00:11:00.000Z'),
      }),
    },
  ],
  'webhook-messages-edited.json': [
    {
      kind: 'edited',
      targetExternalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
      chatJid: MARIA,
      newText: 'Hi, is my order #117 ready?',
      // timestampMs {low: -1461858200, high: 410}: low is serialised signed.
      editedAt: new Date('2025-11-22T00:01:40.456Z'),
    },
  ],
  'webhook-messages-update-delivery-ack.json': [
    { kind: 'status', update: { externalId: OUR_SENT_ID, chatJid: MARIA, fromMe: true, status: 'DELIVERED' } },
  ],
  'webhook-messages-update-read.json': [{ kind: 'status', update: { externalId: OUR_SENT_ID, chatJid: MARIA, fromMe: true, status: 'READ' } }],
  'webhook-messages-delete.json': [{ kind: 'deleted', targetExternalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', chatJid: MARIA, fromMe: false }],
  'webhook-connection-update-connecting.json': [
    { kind: 'connection', state: 'connecting', statusReason: 200, ownJid: null, profileName: null, profilePictureUrl: null },
  ],
  'webhook-connection-update-open.json': [
    {
      kind: 'connection',
      state: 'open',
      statusReason: 200,
      ownJid: '12025550101@s.whatsapp.net',
      profileName: 'Acme Sales',
      profilePictureUrl: expect.stringMatching(/^https:\/\/pps\.whatsapp\.net\/.+_n\.jpg\?/) as string,
    },
  ],
  'webhook-connection-update-close.json': [
    { kind: 'connection', state: 'close', statusReason: 401, ownJid: null, profileName: null, profilePictureUrl: null },
  ],
  'webhook-connection-update-refused.json': [
    { kind: 'connection', state: 'refused', statusReason: 428, ownJid: null, profileName: null, profilePictureUrl: null },
  ],
  'webhook-qrcode-updated.json': [
    {
      kind: 'qr',
      qr: {
        code: expect.stringMatching(/^2@QWxwaGFF.+,.+,.+,.+=$/) as string,
        image: `data:image/png;base64,${IMAGE_PNG_BASE64}`,
        pairingCode: null,
      },
    },
  ],
  'webhook-qrcode-updated-pairing.json': [
    {
      kind: 'qr',
      qr: {
        code: expect.stringMatching(/^2@UGFpcmlu.+,.+,.+,.+=$/) as string,
        image: `data:image/png;base64,${IMAGE_PNG_BASE64}`,
        pairingCode: 'K7QX2M9R',
      },
    },
  ],
  'webhook-qrcode-limit-reached.json': [{ kind: 'qrLimit', message: 'QR code limit reached, please login again' }],
  'webhook-status-instance.json': [{ kind: 'instanceStatus', status: 'closed', reasonCode: 401, at: new Date('2025-11-21T23:58:23.256Z') }],
  'webhook-logout-instance.json': [{ kind: 'loggedOut' }],
  'webhook-remove-instance.json': [{ kind: 'removed' }],
  'webhook-instance-create.json': [{ kind: 'instanceCreated' }],
  'webhook-instance-delete.json': [{ kind: 'removed' }],
  'webhook-contacts-upsert.json': [
    { kind: 'contact', contact: { jid: MARIA, altJid: null, name: 'Maria Example' } },
    // pushName "12025550145" is Evolution's fallback to the bare number, not a name.
    { kind: 'contact', contact: { jid: '12025550145@s.whatsapp.net', altJid: null, name: null } },
  ],
  'webhook-contacts-upsert-single.json': [{ kind: 'contact', contact: { jid: MARIA_LID, altJid: null, name: 'Maria Example' } }],
  'webhook-contacts-update.json': [{ kind: 'contact', contact: { jid: MARIA, altJid: null, name: 'Maria Example' } }],
  'webhook-chats-upsert.json': [{ kind: 'chat', chatJid: MARIA, name: 'Maria Example' }],
  'webhook-chats-update.json': [{ kind: 'chat', chatJid: MARIA, name: null }],
  'webhook-presence-update.json': [{ kind: 'presence', chatJid: MARIA, participantJid: MARIA, presence: 'composing' }],
};

describe('webhook fixtures', () => {
  it('finds the fixtures and has an expectation for every one of them', () => {
    expect(WEBHOOK_FIXTURES.length).toBeGreaterThanOrEqual(34);
    expect(Object.keys(EXPECTED).sort()).toEqual(WEBHOOK_FIXTURES);
  });

  it.each(WEBHOOK_FIXTURES)('%s normalises exactly as expected', (name) => {
    expect(normalise(loadFixture(name))).toEqual(EXPECTED[name]);
  });

  it.each(WEBHOOK_FIXTURES)('%s has a well-formed envelope', (name) => {
    const body = loadFixture(name) as Record<string, unknown>;
    const envelope = parseEnvelope(body);
    expect(envelope).toEqual({
      event: body.event,
      instanceName: 'acme-sales',
      data: body.data,
      sender: body.sender ?? null,
      dateTime: body.date_time,
    });
  });

  it('reports a missing sender as null (connecting before the first connection)', () => {
    expect(parseEnvelope(loadFixture('webhook-connection-update-connecting.json')).sender).toBeNull();
    expect(parseEnvelope(loadFixture('webhook-connection-update-open.json')).sender).toBe('12025550101@s.whatsapp.net');
  });
});

describe('normaliseEventName', () => {
  const CASES: [payload: string, config: string, suffix: string][] = [
    ['application.startup', 'APPLICATION_STARTUP', 'application-startup'],
    ['instance.create', 'INSTANCE_CREATE', 'instance-create'],
    ['instance.delete', 'INSTANCE_DELETE', 'instance-delete'],
    ['qrcode.updated', 'QRCODE_UPDATED', 'qrcode-updated'],
    ['connection.update', 'CONNECTION_UPDATE', 'connection-update'],
    ['status.instance', 'STATUS_INSTANCE', 'status-instance'],
    ['messages.set', 'MESSAGES_SET', 'messages-set'],
    ['messages.upsert', 'MESSAGES_UPSERT', 'messages-upsert'],
    ['messages.edited', 'MESSAGES_EDITED', 'messages-edited'],
    ['messages.update', 'MESSAGES_UPDATE', 'messages-update'],
    ['messages.delete', 'MESSAGES_DELETE', 'messages-delete'],
    ['send.message', 'SEND_MESSAGE', 'send-message'],
    ['send.message.update', 'SEND_MESSAGE_UPDATE', 'send-message-update'],
    ['contacts.set', 'CONTACTS_SET', 'contacts-set'],
    ['contacts.upsert', 'CONTACTS_UPSERT', 'contacts-upsert'],
    ['contacts.update', 'CONTACTS_UPDATE', 'contacts-update'],
    ['presence.update', 'PRESENCE_UPDATE', 'presence-update'],
    ['chats.set', 'CHATS_SET', 'chats-set'],
    ['chats.upsert', 'CHATS_UPSERT', 'chats-upsert'],
    ['chats.update', 'CHATS_UPDATE', 'chats-update'],
    ['chats.delete', 'CHATS_DELETE', 'chats-delete'],
    ['groups.upsert', 'GROUPS_UPSERT', 'groups-upsert'],
    ['groups.update', 'GROUP_UPDATE', 'groups-update'],
    ['group-participants.update', 'GROUP_PARTICIPANTS_UPDATE', 'group-participants-update'],
    ['labels.edit', 'LABELS_EDIT', 'labels-edit'],
    ['labels.association', 'LABELS_ASSOCIATION', 'labels-association'],
    ['call', 'CALL', 'call'],
    ['typebot.start', 'TYPEBOT_START', 'typebot-start'],
    ['typebot.change-status', 'TYPEBOT_CHANGE_STATUS', 'typebot-change-status'],
    ['remove.instance', 'REMOVE_INSTANCE', 'remove-instance'],
    ['logout.instance', 'LOGOUT_INSTANCE', 'logout-instance'],
  ];

  it.each(CASES)('%s ← %s ← %s', (payload, config, suffix) => {
    expect(normaliseEventName(payload)).toBe(payload);
    expect(normaliseEventName(config)).toBe(payload);
    expect(normaliseEventName(suffix)).toBe(payload);
  });

  it('lower-cases an upper-case payload form and maps unknown names by the general rule', () => {
    expect(normaliseEventName('MESSAGES.UPSERT')).toBe('messages.upsert');
    expect(normaliseEventName('GROUPS_UPDATE')).toBe('groups.update');
    expect(normaliseEventName('FUTURE_THING')).toBe('future.thing');
    expect(normaliseEventName('future-thing')).toBe('future.thing');
  });

  it('applies in parseEnvelope, so a config-name delivery is processed like the payload name', () => {
    const body = { ...fixtureRecord('webhook-messages-upsert-text.json'), event: 'MESSAGES_UPSERT' };
    expect(parseEnvelope(body).event).toBe('messages.upsert');
    expect(normalise(body)).toEqual(EXPECTED['webhook-messages-upsert-text.json']);
    expect(parseEnvelope({ ...body, event: 'messages-upsert' }).event).toBe('messages.upsert');
  });
});

describe('parseEnvelope', () => {
  it.each([
    [null, 'webhook body must be a JSON object, got null'],
    ['messages.upsert', 'webhook body must be a JSON object, got a string'],
    [[], 'webhook body must be a JSON object, got an array'],
    [{ instance: 'acme-sales', data: {} }, 'body.event must be a non-empty string, got missing'],
    [{ event: 42, instance: 'acme-sales' }, 'body.event must be a non-empty string, got a number'],
    [{ event: 'messages.upsert', data: {} }, 'body.instance must be a non-empty string, got missing'],
    [{ event: 'messages.upsert', instance: '' }, 'body.instance must be a non-empty string, got a string'],
  ])('rejects %j', (body, message) => {
    expect(() => parseEnvelope(body)).toThrow(MalformedEventError);
    expect(() => parseEnvelope(body)).toThrow(message);
  });

  it('treats a missing data key as null', () => {
    expect(parseEnvelope({ event: 'logout.instance', instance: 'acme-sales' })).toEqual({
      event: 'logout.instance',
      instanceName: 'acme-sales',
      data: null,
      sender: null,
      dateTime: null,
    });
  });
});

describe('messages', () => {
  function onlyMessage(events: NormalisedEvent[]): InboundMessage {
    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.kind !== 'message') throw new Error(`expected a message, got ${event?.kind}`);
    return event.message;
  }

  function upsertWith(message: unknown): FixtureBody {
    const body = fixtureRecord('webhook-messages-upsert-text.json');
    body.data.message = message;
    return body;
  }

  it('reads extendedTextMessage text and its own contextInfo quote (older builds, no rewrite)', () => {
    const message = onlyMessage(
      normalise(upsertWith({ extendedTextMessage: { text: 'see https://example.test', contextInfo: { stanzaId: OUR_SENT_ID } } })),
    );
    expect(message).toMatchObject({ type: 'TEXT', text: 'see https://example.test', quotedExternalId: OUR_SENT_ID, media: null });
  });

  it('prefers the top-level contextInfo quote over the content one', () => {
    const body = upsertWith({ extendedTextMessage: { text: 'x', contextInfo: { stanzaId: 'INNER' } } });
    body.data.contextInfo = { stanzaId: 'OUTER' };
    expect(onlyMessage(normalise(body)).quotedExternalId).toBe('OUTER');
  });

  it('turns unknown content into UNKNOWN without text', () => {
    const message = onlyMessage(
      normalise(upsertWith({ pollCreationMessageV3: { name: 'Pick one', options: [{ optionName: 'a' }] }, messageContextInfo: {} })),
    );
    expect(message).toMatchObject({ type: 'UNKNOWN', text: null, media: null, location: null, contact: null, reaction: null });
  });

  it('treats a missing message object as UNKNOWN rather than failing', () => {
    const body = fixtureRecord('webhook-messages-upsert-text.json');
    delete body.data.message;
    expect(onlyMessage(normalise(body))).toMatchObject({ type: 'UNKNOWN', text: null });
  });

  it('reads a contact card', () => {
    const vcard = 'BEGIN:VCARD\nVERSION:3.0\nFN:Support\nTEL;type=CELL:+12025550199\nEND:VCARD';
    const message = onlyMessage(normalise(upsertWith({ contactMessage: { displayName: 'Support', vcard } })));
    expect(message).toMatchObject({ type: 'CONTACT', text: null, contact: { displayName: 'Support', vcard } });
  });

  it('reads video and sticker media', () => {
    const video = onlyMessage(normalise(upsertWith({ videoMessage: { mimetype: 'video/mp4', seconds: 12, caption: 'clip', fileLength: 1000 } })));
    expect(video).toMatchObject({ type: 'VIDEO', text: 'clip', media: { mimeType: 'video/mp4', seconds: 12, sizeBytes: 1000 } });
    const sticker = onlyMessage(normalise(upsertWith({ stickerMessage: { mimetype: 'image/webp' } })));
    expect(sticker).toMatchObject({ type: 'STICKER', text: null, media: { mimeType: 'image/webp', sizeBytes: null } });
  });

  it.each([
    ['a number', 2048, 2048],
    ['a numeric string (2.2.x)', '302117', 302117],
    ['an int64 above 2^32', { low: 5, high: 1, unsigned: true }, 2 ** 32 + 5],
    ['an int64 whose low word is serialised negative', { low: -1, high: 0, unsigned: true }, 2 ** 32 - 1],
    ['garbage', 'lots', null],
  ])('reads fileLength given as %s', (_label, fileLength, expected) => {
    const message = onlyMessage(normalise(upsertWith({ documentMessage: { mimetype: 'text/plain', fileLength } })));
    expect(message.media?.sizeBytes).toBe(expected);
  });

  it('unwraps documentWithCaptionMessage and ephemeral wrappers; base64 and mediaUrl stay on the outer message', () => {
    const message = onlyMessage(
      normalise(
        upsertWith({
          ephemeralMessage: {
            message: { documentWithCaptionMessage: { message: { documentMessage: { fileName: 'a.pdf', caption: 'cap', mimetype: 'application/pdf' } } } },
          },
          base64: 'QUJD',
          mediaUrl: 'https://s3.example.test/a.pdf',
        }),
      ),
    );
    expect(message).toMatchObject({
      type: 'DOCUMENT',
      text: 'cap',
      media: { fileName: 'a.pdf', caption: 'cap', base64: 'QUJD', url: 'https://s3.example.test/a.pdf' },
    });
  });

  it('prefers the S3 mediaUrl over the encrypted CDN url', () => {
    const body = fixtureRecord('webhook-messages-upsert-image-caption.json');
    (body.data.message as Record<string, unknown>).mediaUrl = 'https://s3.example.test/photo.jpg';
    expect(onlyMessage(normalise(body)).media?.url).toBe('https://s3.example.test/photo.jpg');
  });

  it('reads a removed reaction as emoji ""', () => {
    const message = onlyMessage(normalise(upsertWith({ reactionMessage: { key: { remoteJid: MARIA, fromMe: true, id: OUR_SENT_ID }, text: '' } })));
    expect(message.reaction).toEqual({ targetExternalId: OUR_SENT_ID, emoji: '' });
  });

  it('flags stories and newsletters as broadcast', () => {
    for (const chatJid of ['status@broadcast', '120363000000000000@newsletter']) {
      const body = fixtureRecord('webhook-messages-upsert-text.json');
      (body.data.key as Record<string, unknown>).remoteJid = chatJid;
      expect(onlyMessage(normalise(body))).toMatchObject({ chatJid, isBroadcast: true, isGroup: false });
    }
  });

  it('keeps "Você" as a name when the message is not ours', () => {
    const body = fixtureRecord('webhook-messages-upsert-text.json');
    body.data.pushName = 'Você';
    expect(onlyMessage(normalise(body)).pushName).toBe('Você');
  });

  it('falls back to now only when messageTimestamp is missing', () => {
    const body = fixtureRecord('webhook-messages-upsert-text.json');
    delete body.data.messageTimestamp;
    expect(onlyMessage(normalise(body)).timestamp).toEqual(NOW);
  });

  it('normalises every entry of a messages.set history batch', () => {
    const text = fixtureRecord('webhook-messages-upsert-text.json').data;
    const lid = fixtureRecord('webhook-messages-upsert-lid-text.json').data;
    expect(normalise(webhook('messages.set', [text, lid]))).toEqual([
      EXPECTED['webhook-messages-upsert-text.json']![0],
      EXPECTED['webhook-messages-upsert-lid-text.json']![0],
    ]);
  });
});

describe('receipts, edits and deletes', () => {
  function update(status: string, keyId = OUR_SENT_ID): Record<string, unknown> {
    return { keyId, remoteJid: MARIA, fromMe: true, status, instanceId: 'i', messageId: 'm' };
  }

  it.each([
    ['PENDING', 'PENDING'],
    ['SERVER_ACK', 'SENT'],
    ['DELIVERY_ACK', 'DELIVERED'],
    ['READ', 'READ'],
    ['PLAYED', 'PLAYED'],
    ['ERROR', 'FAILED'],
    ['DELETED', null],
    ['SOMETHING_NEW', null],
    ['toString', null],
  ])('maps messages.update status %s to %s', (raw, status) => {
    expect(normalise(webhook('messages.update', update(raw)))).toEqual([
      { kind: 'status', update: { externalId: OUR_SENT_ID, chatJid: MARIA, fromMe: true, status } },
    ]);
  });

  it('accepts an array of updates', () => {
    const events = normalise(webhook('messages.update', [update('READ', 'A'), update('PLAYED', 'B')]));
    expect(events.map((event) => (event.kind === 'status' ? [event.update.externalId, event.update.status] : event.kind))).toEqual([
      ['A', 'READ'],
      ['B', 'PLAYED'],
    ]);
  });

  it('reads a revoke reported through messages.edited (type 0) as a delete', () => {
    const body = fixtureRecord('webhook-messages-edited.json');
    body.data.type = 0;
    delete body.data.editedMessage;
    expect(normalise(body)).toEqual(EXPECTED['webhook-messages-delete.json']);
  });

  it('accepts protocol types spelled by name', () => {
    const body = fixtureRecord('webhook-messages-edited.json');
    body.data.type = 'MESSAGE_EDIT';
    expect(normalise(body)).toEqual(EXPECTED['webhook-messages-edited.json']);
  });

  it('ignores other protocol message types', () => {
    const body = fixtureRecord('webhook-messages-edited.json');
    body.data.type = 3;
    expect(normalise(body)).toEqual([{ kind: 'ignored', reason: 'messages.edited protocol type 3 is not used' }]);
  });

  it('reads an edited caption, and a missing timestamp as null', () => {
    const body = fixtureRecord('webhook-messages-edited.json');
    body.data.editedMessage = { imageMessage: { caption: 'new caption' } };
    delete body.data.timestampMs;
    expect(normalise(body)).toEqual([
      { kind: 'edited', targetExternalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', chatJid: MARIA, newText: 'new caption', editedAt: null },
    ]);
  });

  it('reads the stored-row shape of messages.delete (API delete for everyone)', () => {
    const row = {
      id: 'cmi9x2k3l0004abcd1234efgh',
      instanceId: '6f1c2a9e-4b7d-4e21-9a3f-2d8c5b7e1a04',
      key: { remoteJid: MARIA, fromMe: true, id: OUR_SENT_ID },
      messageType: 'conversation',
      status: 'DELETED',
      source: 'web',
      messageTimestamp: 1763770260,
      pushName: 'Você',
      participant: null,
      message: { conversation: 'Your order #117 is ready for pickup.' },
    };
    expect(normalise(webhook('messages.delete', row))).toEqual([{ kind: 'deleted', targetExternalId: OUR_SENT_ID, chatJid: MARIA, fromMe: true }]);
  });
});

describe('contacts, chats and presence', () => {
  it('drops an empty pushName', () => {
    const body = fixtureRecord('webhook-contacts-upsert-single.json');
    body.data.pushName = '';
    expect(normalise(body)).toEqual([{ kind: 'contact', contact: { jid: MARIA_LID, altJid: null, name: null } }]);
  });

  it('reports a chat read when unreadMessages is 0', () => {
    expect(normalise(webhook('chats.upsert', [{ remoteJid: MARIA, instanceId: 'i', unreadMessages: 0 }]))).toEqual([
      { kind: 'chatRead', chatJid: MARIA },
    ]);
  });

  it('skips chat rows without a JID, and says so when none is left', () => {
    expect(normalise(webhook('chats.upsert', [{ id: 'cmi9chat', name: 'Maria' }]))).toEqual([
      { kind: 'ignored', reason: 'chats.upsert carried no chat JID' },
    ]);
    expect(normalise(webhook('chats.update', [{ id: 'cmi9chat' }, { remoteJid: MARIA, instanceId: 'i' }]))).toEqual([
      { kind: 'chat', chatJid: MARIA, name: null },
    ]);
  });

  it('emits one presence per participant and drops unknown presence values', () => {
    const group = '120363041234567890@g.us';
    const data = {
      id: group,
      presences: {
        '198765432109876@lid': { lastKnownPresence: 'recording' },
        '12025550145@s.whatsapp.net': { lastKnownPresence: 'available', lastSeen: 1763770000 },
        '12025550199@s.whatsapp.net': { lastKnownPresence: 'hovering' },
      },
    };
    expect(normalise(webhook('presence.update', data))).toEqual([
      { kind: 'presence', chatJid: group, participantJid: '198765432109876@lid', presence: 'recording' },
      { kind: 'presence', chatJid: group, participantJid: '12025550145@s.whatsapp.net', presence: 'available' },
    ]);
  });
});

describe('unused events', () => {
  it.each([
    ['groups.upsert', [{ id: '120363041234567890@g.us', subject: 'Team' }]],
    ['group-participants.update', { id: '120363041234567890@g.us', participants: [], action: 'add' }],
    ['call', { id: 'C1', from: MARIA, status: 'offer' }],
    ['labels.edit', { id: '1', name: 'VIP' }],
    ['labels.association', { type: 'add', chatId: MARIA, labelId: '1' }],
    ['chats.delete', [MARIA]],
    ['send.message.update', { keyId: OUR_SENT_ID }],
    ['application.startup', null],
    ['something.new', { anything: true }],
  ])('ignores %s', (event, data) => {
    expect(normalise(webhook(event, data))).toEqual([{ kind: 'ignored', reason: `${event} is not used` }]);
  });
});

describe('malformed known events', () => {
  function without(name: string, mutate: (data: Record<string, unknown>) => void): Record<string, unknown> {
    const body = fixtureRecord(name);
    mutate(body.data);
    return body;
  }

  it.each([
    [
      'messages.upsert without key.id',
      without('webhook-messages-upsert-text.json', (data) => delete (data.key as Record<string, unknown>).id),
      'messages.upsert data.key.id must be a non-empty string, got missing',
    ],
    [
      'messages.upsert without key.remoteJid',
      without('webhook-messages-upsert-text.json', (data) => delete (data.key as Record<string, unknown>).remoteJid),
      'messages.upsert data.key.remoteJid must be a non-empty string, got missing',
    ],
    [
      'messages.upsert without key',
      without('webhook-messages-upsert-text.json', (data) => delete data.key),
      'messages.upsert data.key must be an object, got missing',
    ],
    ['messages.upsert with null data', webhook('messages.upsert', null), 'messages.upsert data must be an object, got null'],
    ['send.message with an array key', webhook('send.message', { key: [] }), 'send.message data.key must be an object, got an array'],
    [
      'messages.set with a bad entry',
      webhook('messages.set', [fixtureRecord('webhook-messages-upsert-text.json').data, { key: { id: 'X' } }]),
      'messages.set data[1].key.remoteJid must be a non-empty string, got missing',
    ],
    [
      'messages.update without keyId',
      webhook('messages.update', [{ keyId: 'A', remoteJid: MARIA, status: 'READ' }, { remoteJid: MARIA, status: 'READ' }]),
      'messages.update data[1].keyId must be a non-empty string, got missing',
    ],
    [
      'messages.edited without a type',
      without('webhook-messages-edited.json', (data) => delete data.type),
      'messages.edited data.type must be a protocol message type, got missing',
    ],
    [
      'messages.edited without key.id',
      without('webhook-messages-edited.json', (data) => delete (data.key as Record<string, unknown>).id),
      'messages.edited data.key.id must be a non-empty string, got missing',
    ],
    ['messages.delete without id', webhook('messages.delete', { remoteJid: MARIA, fromMe: false }), 'messages.delete data.id must be a non-empty string, got missing'],
    [
      'messages.delete row without key.id',
      webhook('messages.delete', { id: 'db-id', key: { remoteJid: MARIA } }),
      'messages.delete data.key.id must be a non-empty string, got missing',
    ],
    [
      'connection.update with an unknown state',
      webhook('connection.update', { instance: 'acme-sales', state: 'dancing' }),
      'connection.update data.state must be one of open|connecting|close|refused, got "dancing"',
    ],
    [
      'connection.update without a state',
      webhook('connection.update', { instance: 'acme-sales' }),
      'connection.update data.state must be one of open|connecting|close|refused, got missing',
    ],
    ['qrcode.updated with neither shape', webhook('qrcode.updated', { statusCode: 500 }), 'qrcode.updated data must have a qrcode object or a message, got neither'],
    ['status.instance without status', webhook('status.instance', { instance: 'acme-sales' }), 'status.instance data.status must be a non-empty string, got missing'],
    ['contacts.upsert without remoteJid', webhook('contacts.upsert', [{ pushName: 'Maria' }]), 'contacts.upsert data[0].remoteJid must be a non-empty string, got missing'],
    ['chats.upsert with a string entry', webhook('chats.upsert', [MARIA]), 'chats.upsert data[0] must be an object, got a string'],
    ['presence.update without presences', webhook('presence.update', { id: MARIA }), 'presence.update data.presences must be an object, got missing'],
  ])('%s', (_label, body, message) => {
    expect(() => normalise(body)).toThrow(MalformedEventError);
    expect(() => normalise(body)).toThrow(message);
  });
});

describe('dedupeKey', () => {
  function keysOf(body: unknown): (string | null)[] {
    const envelope = parseEnvelope(body);
    return normaliseEvent(envelope, NOW).map((event) => dedupeKey(envelope, event));
  }

  function keyOf(name: string): string | null {
    const keys = keysOf(loadFixture(name));
    expect(keys).toHaveLength(1);
    return keys[0]!;
  }

  it('is stable across repeated deliveries of the same body', () => {
    for (const name of WEBHOOK_FIXTURES) expect(keysOf(loadFixture(name))).toEqual(keysOf(loadFixture(name)));
  });

  it('keys messages, sends, statuses, edits and deletes', () => {
    expect(keyOf('webhook-messages-upsert-text.json')).toBe('msg:acme-sales:A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(keyOf('webhook-send-message-text.json')).toBe(`sent:acme-sales:${OUR_SENT_ID}`);
    expect(keyOf('webhook-messages-update-delivery-ack.json')).toBe(`status:acme-sales:${OUR_SENT_ID}:DELIVERED`);
    expect(keyOf('webhook-messages-update-read.json')).toBe(`status:acme-sales:${OUR_SENT_ID}:READ`);
    expect(keyOf('webhook-messages-edited.json')).toBe(`edit:acme-sales:A1B2C3D4E5F60718293A4B5C6D7E8F90:${Date.parse('2025-11-22T00:01:40.456Z')}`);
    expect(keyOf('webhook-messages-delete.json')).toBe('del:acme-sales:A1B2C3D4E5F60718293A4B5C6D7E8F90');
  });

  it('gives every message, status and delete fixture a distinct key', () => {
    const keys = WEBHOOK_FIXTURES.flatMap((name) => keysOf(loadFixture(name))).filter((key) => key !== null);
    expect(keys).toHaveLength(16);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells the same message id apart across instances (a group seen by two of our lines)', () => {
    const body = fixtureRecord('webhook-messages-upsert-group-text.json');
    expect(keysOf(body)).not.toEqual(keysOf({ ...body, instance: 'acme-support' }));
  });

  it('gives the two reports of one revoke the same key', () => {
    const revoke = fixtureRecord('webhook-messages-edited.json');
    revoke.data.type = 0;
    expect(keysOf(revoke)).toEqual([keyOf('webhook-messages-delete.json')]);
  });

  it('is null where duplicates are harmless or the latest must win', () => {
    for (const name of WEBHOOK_FIXTURES.filter((n) => /connection|qrcode|presence|contacts|chats|instance/.test(n))) {
      for (const key of keysOf(loadFixture(name))) expect(key, name).toBeNull();
    }
    expect(keysOf(webhook('messages.update', { keyId: OUR_SENT_ID, remoteJid: MARIA, status: 'DELETED' }))).toEqual([null]);
    expect(keysOf(webhook('call', {}))).toEqual([null]);
  });

  it('is null for an edit without a timestamp (two such edits cannot be told apart)', () => {
    const body = fixtureRecord('webhook-messages-edited.json');
    delete body.data.timestampMs;
    expect(keysOf(body)).toEqual([null]);
  });
});

describe('JIDs', () => {
  it.each([
    ['12025550123@s.whatsapp.net', '+12025550123'],
    ['12025550101:5@s.whatsapp.net', '+12025550101'],
    ['210987654321098@lid', null],
    ['120363041234567890@g.us', null],
    ['status@broadcast', null],
    ['120363000000000000@newsletter', null],
    ['0123@s.whatsapp.net', null],
    ['not-a-jid', null],
  ])('jidToPhone(%s) = %s', (jid, phone) => {
    expect(jidToPhone(jid)).toBe(phone);
  });

  it('recognises @lid JIDs', () => {
    expect(isLidJid('210987654321098@lid')).toBe(true);
    expect(isLidJid('12025550123@s.whatsapp.net')).toBe(false);
    expect(isLidJid('120363041234567890@g.us')).toBe(false);
  });
});
