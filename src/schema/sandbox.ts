import { builder } from '../builder.ts';
import { InstanceNotConnectedError, NotFoundError, SandboxOnlyError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { sandboxInboundMessage, sandboxPairInstance } from '../services/whatsapp/sandbox.ts';
import { resultNames } from './mutation-result.ts';

const SandboxPairInstanceInput = builder.inputType('SandboxPairInstanceInput', {
  description: 'A sandbox line to "scan".',
  fields: (t) => ({
    instanceId: t.id({ description: 'The Instance ID.' }),
    phoneNumber: t.string({ required: false, description: 'E.164 number the simulated phone has; made up when omitted.' }),
  }),
});

const SandboxInboundMessageInput = builder.inputType('SandboxInboundMessageInput', {
  description: 'A simulated customer message.',
  fields: (t) => ({
    instanceId: t.id({ description: 'The Instance ID.' }),
    from: t.string({ description: 'The customer’s E.164 number.' }),
    text: t.string({ description: 'What they write, 1–4,096 characters.' }),
    name: t.string({ required: false, description: 'Their WhatsApp display name.' }),
  }),
});

const sandboxErrors = [ValidationError, NotFoundError, SandboxOnlyError, InstanceNotConnectedError];

builder.mutationFields((t) => ({
  sandboxPairInstance: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'SANDBOX ONLY: simulates the phone scanning the QR code, so the line connects.',
    args: { input: t.arg({ type: SandboxPairInstanceInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: sandboxErrors,
      ...resultNames('sandboxPairInstance', 'instance', 'The line, now connected.'),
    },
    resolve: (_query, _root, { input }, ctx) =>
      sandboxPairInstance(ctx, parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId']), input.phoneNumber),
  }),
  sandboxInboundMessage: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'SANDBOX ONLY: a customer message arrives on the line, through the same path as a real Evolution webhook.',
    args: { input: t.arg({ type: SandboxInboundMessageInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: sandboxErrors,
      ...resultNames('sandboxInboundMessage', 'instance', 'The line that received the message.'),
    },
    resolve: (_query, _root, { input: { instanceId, ...message } }, ctx) =>
      sandboxInboundMessage(ctx, parseGlobalId(instanceId, 'Instance', ['input', 'instanceId']), message),
  }),
}));
