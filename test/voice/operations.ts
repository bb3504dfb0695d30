/**
 * The GraphQL operations of the voice tests, with their result shapes written out (the operations
 * live here rather than in test/operations so this suite does not depend on a codegen run).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

type Vars = Record<string, unknown>;

function document<Data, Variables extends Vars = Vars>(source: string): TypedDocumentNode<Data, Variables> {
  return parse(source) as TypedDocumentNode<Data, Variables>;
}

export interface UserErrorShape {
  __typename: string;
  code?: string;
  message?: string;
  field?: string[] | null;
}

export interface PhoneNumberShape {
  id: string;
  phoneNumber: string;
  friendlyName: string | null;
  provider: 'TWILIO' | 'MANUAL';
  status: 'PENDING' | 'ACTIVE' | 'RELEASED';
  countryCode: string;
  monthlyCostCents: number;
  monthlyCost: number;
  voiceUrl: string | null;
  statusCallbackUrl: string | null;
  releasedAt: string | null;
  instance: { id: string } | null;
}

const PHONE_NUMBER_FIELDS = `
  id phoneNumber friendlyName provider status countryCode monthlyCostCents monthlyCost voiceUrl statusCallbackUrl releasedAt
  instance { id }
`;

const ERROR_FIELDS = `... on UserError { code message field }`;

type PhoneNumberResult = (UserErrorShape & { phoneNumber?: PhoneNumberShape }) ;

export const AvailablePhoneNumbers = document<{
  availablePhoneNumbers: UserErrorShape & {
    numbers?: { phoneNumber: string; friendlyName: string; locality: string | null; region: string | null; countryCode: string; monthlyCostCents: number | null; currency: string | null }[];
  };
}>(`
  query AvailablePhoneNumbers($businessId: ID!, $countryCode: String!, $areaCode: String, $contains: String, $first: Int) {
    availablePhoneNumbers(businessId: $businessId, countryCode: $countryCode, areaCode: $areaCode, contains: $contains, first: $first) {
      __typename
      ... on AvailablePhoneNumbersPayload { numbers { phoneNumber friendlyName locality region countryCode monthlyCostCents currency } }
      ${ERROR_FIELDS}
    }
  }
`);

export const ProvisionPhoneNumber = document<{ provisionPhoneNumber: PhoneNumberResult }>(`
  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {
    provisionPhoneNumber(input: $input) {
      __typename
      ... on ProvisionPhoneNumberPayload { phoneNumber { ${PHONE_NUMBER_FIELDS} } }
      ${ERROR_FIELDS}
    }
  }
`);

export const RegisterPhoneNumber = document<{ registerPhoneNumber: PhoneNumberResult }>(`
  mutation RegisterPhoneNumber($input: RegisterPhoneNumberInput!) {
    registerPhoneNumber(input: $input) {
      __typename
      ... on RegisterPhoneNumberPayload { phoneNumber { ${PHONE_NUMBER_FIELDS} } }
      ${ERROR_FIELDS}
    }
  }
`);

export const ReleasePhoneNumber = document<{ releasePhoneNumber: PhoneNumberResult }>(`
  mutation ReleasePhoneNumber($input: ReleasePhoneNumberInput!) {
    releasePhoneNumber(input: $input) {
      __typename
      ... on ReleasePhoneNumberPayload { phoneNumber { ${PHONE_NUMBER_FIELDS} } }
      ${ERROR_FIELDS}
    }
  }
`);

export const BusinessPhoneNumbers = document<{
  business: { phoneNumbers: { edges: { node: PhoneNumberShape }[] } } | null;
}>(`
  query BusinessPhoneNumbers($id: ID!, $includeReleased: Boolean) {
    business(id: $id) { phoneNumbers(includeReleased: $includeReleased) { edges { node { ${PHONE_NUMBER_FIELDS} } } } }
  }
`);

export const SetupWhatsAppWithNumber = document<{
  setupWhatsApp: UserErrorShape & { instance?: { id: string; phoneNumber: string | null } };
}>(`
  mutation SetupWhatsAppWithNumber($input: SetupWhatsAppInput!) {
    setupWhatsApp(input: $input) {
      __typename
      ... on SetupWhatsAppPayload { instance { id phoneNumber } }
      ${ERROR_FIELDS}
    }
  }
`);

export interface CallShape {
  id: string;
  callSid: string;
  from: string;
  to: string;
  direction: string;
  status: string;
  outcome: string | null;
  language: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationSec: number | null;
  recordingUrl: string | null;
  transcript: { speaker: 'CUSTOMER' | 'AI' | 'AGENT'; text: string; at: string }[];
  phoneNumber: { id: string; phoneNumber: string } | null;
  contact: { id: string; phone: string | null } | null;
  aiRuns: {
    id: string;
    channel: string;
    intent: string | null;
    outcome: string;
    handoffReason: string | null;
    fallbackUsed: boolean;
    model: string | null;
    error: string | null;
    latencyMs: number | null;
    output: string | null;
  }[];
}

const CALL_FIELDS = `
  id callSid from to direction status outcome language startedAt answeredAt endedAt durationSec recordingUrl
  transcript { speaker text at }
  phoneNumber { id phoneNumber }
  contact { id phone }
  aiRuns { id channel intent outcome handoffReason fallbackUsed model error latencyMs output }
`;

export const BusinessCalls = document<{
  business: { calls: { edges: { node: CallShape }[] }; usage: { calls: number; callMinutes: number } } | null;
}>(`
  query BusinessCalls($id: ID!, $first: Int) {
    business(id: $id) {
      calls(first: $first) { edges { node { ${CALL_FIELDS} } } }
      usage { calls callMinutes }
    }
  }
`);

export const CallNode = document<{ node: (CallShape & { __typename: string }) | null }>(`
  query CallNode($id: ID!) { node(id: $id) { __typename ... on Call { ${CALL_FIELDS} } } }
`);

export interface TimelinePage {
  edges: { cursor: string; node: { __typename: 'Message'; id: string; text: string | null; createdAt: string } | { __typename: 'Call'; id: string; callSid: string; startedAt: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const ConversationTimeline = document<{ node: { timeline: TimelinePage } | null }>(`
  query ConversationTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      ... on Conversation {
        timeline(first: $first, after: $after, last: $last, before: $before) {
          edges {
            cursor
            node {
              __typename
              ... on Message { id text createdAt }
              ... on Call { id callSid startedAt }
            }
          }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }
  }
`);

export const CallUpdated = document<{ callUpdated: { id: string; callSid: string; status: string; outcome: string | null; transcript: { speaker: string; text: string }[] } }>(`
  subscription CallUpdated($businessId: ID!) {
    callUpdated(businessId: $businessId) { id callSid status outcome transcript { speaker text } }
  }
`);
