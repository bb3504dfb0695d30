/**
 * Every pub/sub topic and its payload. Payloads carry ids and kinds only: Redis serialises them as
 * JSON, so subscribers re-read rows with their own selection.
 */
export type BusinessChangeKind = 'UPDATED' | 'DELETED';

export interface BusinessChangedEvent {
  kind: BusinessChangeKind;
  businessId: string;
}

export interface InstanceEvent {
  instanceId: string;
}

export interface TypingEvent {
  conversationId: string;
  presence: 'available' | 'unavailable' | 'composing' | 'recording' | 'paused';
  participantJid: string | null;
}

/** One entry of a business's inbox sequence (see services/inbox/events.ts). */
export interface InboxTopicEvent {
  businessId: string;
  seq: number;
  kind: 'MESSAGE_RECEIVED' | 'MESSAGE_UPDATED' | 'CONVERSATION_UPDATED';
  conversationId: string;
  messageId: string | null;
}

export type Topics = {
  'business:updated': [businessId: string, event: BusinessChangedEvent];
  /** A new QR code or pairing code for one instance. */
  'instance:qr': [instanceId: string, event: InstanceEvent];
  /** An instance of the business changed status (connected, dropped, logged out, …). */
  'business:instance': [businessId: string, event: InstanceEvent];
  /** The customer is typing / recording in a conversation (from presence.update; never stored). */
  'conversation:typing': [conversationId: string, event: TypingEvent];
  /** Every inbox-visible change of a business, in sequence order. */
  'business:inbox': [businessId: string, event: InboxTopicEvent];
  /** Outbound messages were queued or re-queued on this line: wakes every outbox sender at once. */
  'outbox:nudge': [event: InstanceEvent];
};
