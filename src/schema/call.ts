import { builder } from '../builder.ts';
import { db } from '../db.ts';
import type { Context } from '../context.ts';
import { notVisible } from '../errors.ts';
import type { CallDirection, CallOutcome, CallStatus } from '../generated/prisma/enums.ts';
import { parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { selection } from '../services/db/selection.ts';
import { pageSize } from '../services/pagination.ts';
import { readTranscript, type Speaker, type TranscriptTurn } from '../services/voice/transcript.ts';

type Described<Value extends string> = Record<Value, { description: string }>;

const CallDirectionEnum = builder.enumType('CallDirection', {
  description: 'Which way a call went.',
  values: {
    INBOUND: { description: 'A customer called the business.' },
    OUTBOUND: { description: 'The business called a customer.' },
  } satisfies Described<CallDirection>,
});

const CallStatusEnum = builder.enumType('CallStatus', {
  description: 'Where a call stands, as Twilio reports it. It only moves forward: RINGING < IN_PROGRESS < the final ones.',
  values: {
    RINGING: { description: 'Ringing, not answered yet.' },
    IN_PROGRESS: { description: 'Answered and going on.' },
    COMPLETED: { description: 'Ended normally.' },
    BUSY: { description: 'The line was busy.' },
    NO_ANSWER: { description: 'Nobody answered.' },
    FAILED: { description: 'Could not be connected.' },
    CANCELED: { description: 'Hung up before it was answered.' },
  } satisfies Described<CallStatus>,
});

const CallOutcomeEnum = builder.enumType('CallOutcome', {
  description: 'How a call was handled.',
  values: {
    AI_ANSWERED: { description: 'The AI talked with the caller.' },
    FORWARDED: { description: 'Put through to the business’s fallback number.' },
    MESSAGE_TAKEN: { description: 'The caller was offered voicemail (see `recordingUrl`).' },
    MISSED: { description: 'Not answered: the caller hung up first, or the plan has no calls.' },
    OVER_LIMIT: { description: 'Not answered: the month’s calls of the plan are used up.' },
    NO_SPEECH: { description: 'The caller said nothing twice in a row; the AI said goodbye.' },
    TIME_LIMIT: { description: 'The call reached the maximum length set in the AI settings.' },
  } satisfies Described<CallOutcome>,
});

const SpeakerEnum = builder.enumType('CallSpeaker', {
  description: 'Who spoke a transcript turn.',
  values: {
    CUSTOMER: { description: 'The caller.' },
    AI: { description: 'The AI (or the line’s own greetings and notices).' },
    AGENT: { description: 'A member of the business.' },
  } satisfies Described<Speaker>,
});

const TranscriptTurnType = builder.objectRef<TranscriptTurn>('CallTranscriptTurn').implement({
  description: 'One thing said on a call.',
  fields: (t) => ({
    speaker: t.field({ type: SpeakerEnum, description: 'Who said it.', resolve: (entry) => entry.speaker }),
    text: t.exposeString('text', { description: 'What was said (the speech recogniser’s reading for the caller).' }),
    at: t.field({ type: 'DateTime', description: 'When it was said.', resolve: (entry) => new Date(entry.at) }),
  }),
});

export const CallRef = builder.prismaNode('Call', {
  description: 'A phone call to (or from) one of the business’s numbers, with its transcript.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    phoneNumber: t.relation('phoneNumber', { nullable: true, description: 'The business’s number that was called.' }),
    contact: t.relation('contact', { nullable: true, description: 'The caller, the same contact as on WhatsApp; null for withheld numbers.' }),
    callSid: t.exposeString('callSid', { description: 'Twilio’s id of the call.' }),
    from: t.exposeString('from', { description: 'The caller’s number as Twilio gave it.' }),
    to: t.exposeString('to', { description: 'The number called.' }),
    direction: t.expose('direction', { type: CallDirectionEnum, description: 'Inbound or outbound.' }),
    status: t.expose('status', { type: CallStatusEnum, description: 'Where it stands.' }),
    outcome: t.expose('outcome', { type: CallOutcomeEnum, nullable: true, description: 'How it was handled; null while the AI is still talking.' }),
    language: t.exposeString('language', { nullable: true, description: 'ISO 639-1 code of the language the line spoke last.' }),
    transcript: t.field({
      type: [TranscriptTurnType],
      description: 'What was said, in order.',
      select: { transcript: true },
      resolve: (call) => readTranscript(call.transcript),
    }),
    recordingUrl: t.exposeString('recordingUrl', { nullable: true, description: 'The caller’s voicemail at Twilio, when one was left.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When it came in.' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When it was answered.' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'When it ended.' }),
    durationSec: t.exposeInt('durationSec', { nullable: true, description: 'How long it lasted in seconds, as Twilio reports it.' }),
    aiRuns: t.relation('aiRuns', {
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      description: 'Every AI decision on the call, oldest first.',
    }),
  }),
});

builder.prismaObjectField('Business', 'calls', (t) =>
  t.relatedConnection(
    'calls',
    {
      ...pageSize,
      cursor: 'id',
      // Ids are time-ordered (UUID v7): newest first.
      query: { orderBy: { id: 'desc' } },
      description: 'Calls to the business’s numbers, newest first.',
    },
    { name: 'CallConnection', description: 'A page of calls.' },
    { name: 'CallEdge', description: 'A call and its cursor.' },
  ),
);

async function readableBusiness(ctx: Context, businessGlobalId: string): Promise<string> {
  const id = parseGlobalIdOrNull(businessGlobalId, 'Business');
  if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
  return id;
}

builder.subscriptionField('callUpdated', (t) =>
  t.prismaField({
    type: 'Call',
    authScopes: { signedIn: true },
    description: 'Calls of the business as they come in, change status or get a transcript turn; each event is the call as it is now.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, { businessId }, ctx) => ctx.pubsub.subscribe('business:call', await readableBusiness(ctx, businessId)),
    resolve: (query, event: { callId: string }) => db().call.findUniqueOrThrow({ ...selection(query), where: { id: event.callId } }),
  }),
);
