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

export interface AiDraftEvent {
  businessId: string;
  aiRunId: string;
}

export interface UsageThresholdEvent {
  businessId: string;
  /** Which allowance: MESSAGES, CALLS or CONTACTS. */
  metric: 'MESSAGES' | 'CALLS' | 'CONTACTS';
  /** 80 or 100 (percent of the monthly limit). */
  threshold: number;
  period: string;
}

export interface CallEvent {
  businessId: string;
  callId: string;
}

export interface ExportJobEvent {
  exportJobId: string;
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
  /** Customer messages are waiting for the AI: wakes every AI worker at once (a poll is the safety net). */
  'ai:nudge': [event: { conversationId: string }];
  /** A DRAFT-mode reply waits for an agent's approval. */
  'business:aiDraft': [businessId: string, event: AiDraftEvent];
  /** A monthly allowance crossed 80% or 100%; each fires once per month. */
  'business:usageThreshold': [businessId: string, event: UsageThresholdEvent];
  /** A call started, changed status, or got a transcript turn. */
  'business:call': [businessId: string, event: CallEvent];
  /** An export's status or progress changed. */
  'exportJob:updated': [exportJobId: string, event: ExportJobEvent];
};
