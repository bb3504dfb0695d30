import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import { conversationTimeline, timelineKind } from '../services/voice/timeline.ts';
import { CallRef } from './call.ts';
import { MessageRef } from './message.ts';

const TimelineItemUnion = builder.unionType('TimelineItem', {
  description: 'One entry of a contact’s history with the business: a WhatsApp message or a phone call.',
  types: [MessageRef, CallRef],
  resolveType: (item) => timelineKind(item) ?? 'Message',
});

builder.prismaObjectField('Conversation', 'timeline', (t) =>
  t.connection(
    {
      type: TimelineItemUnion,
      description:
        'The conversation’s messages and the calls of its contact in one list, newest first (a call sits at the time it came in): `first`/`after` pages back in time, `last`/`before` forward.',
      resolve: (conversation, args, ctx, info) =>
        conversationTimeline(conversation, args, {
          message: queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'Message' }),
          call: queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'Call' }),
        }),
    },
    { name: 'TimelineConnection', description: 'A page of a conversation’s timeline.' },
    { name: 'TimelineEdge', description: 'A timeline entry and its cursor.' },
  ),
);
