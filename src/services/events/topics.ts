/**
 * Every pub/sub topic and its payload. Payloads carry ids and kinds only: Redis serialises them as
 * JSON, so subscribers re-read rows with their own selection.
 */
export type BusinessChangeKind = 'UPDATED' | 'DELETED';

export interface BusinessChangedEvent {
  kind: BusinessChangeKind;
  businessId: string;
}

export type Topics = {
  'business:updated': [businessId: string, event: BusinessChangedEvent];
};
