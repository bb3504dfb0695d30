import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { addBusinessMember, removeBusinessMember } from '../services/members.ts';
import { resultNames } from './mutation-result.ts';

export const MemberRoleEnum = builder.enumType('MemberRole', {
  description: 'A person’s role in a business.',
  values: {
    OWNER: { description: 'Manages the business, its members, keys and lines.' },
    AGENT: { description: 'Reads the inbox and replies.' },
  },
});

builder.prismaNode('Membership', {
  description: 'A person’s role in one business. The person is identified by the `sub` of their token.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    userId: t.exposeString('userId', { description: 'The user id (JWT `sub`).' }),
    role: t.expose('role', { type: MemberRoleEnum, description: 'The role.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email, as given when the member was added or from their token.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    business: t.relation('business', { description: 'The business.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the membership began.' }),
  }),
});

const AddBusinessMemberInput = builder.inputType('AddBusinessMemberInput', {
  description: 'Who to add to a business, and as what.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    userId: t.string({ description: 'The person’s user id (the `sub` their tokens carry).' }),
    role: t.field({ type: MemberRoleEnum, description: 'Their role.' }),
    email: t.string({ required: false, description: 'Their email, for display.' }),
    name: t.string({ required: false, description: 'Their name, for display.' }),
  }),
});

const RemoveBusinessMemberInput = builder.inputType('RemoveBusinessMemberInput', {
  description: 'The membership to end.',
  fields: (t) => ({ membershipId: t.id({ description: 'The Membership ID.' }) }),
});

builder.mutationFields((t) => ({
  addBusinessMember: t.prismaField({
    type: 'Membership',
    authScopes: { signedIn: true },
    description: 'Adds a person to a business (owners and MANAGE keys).',
    args: { input: t.arg({ type: AddBusinessMemberInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      ...resultNames('addBusinessMember', 'membership', 'The new membership.'),
    },
    resolve: (query, _root, { input: { businessId, ...member } }, ctx) =>
      addBusinessMember(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), member, query),
  }),
  removeBusinessMember: t.field({
    type: 'ID',
    authScopes: { signedIn: true },
    description: 'Ends a membership (owners and MANAGE keys; any member may remove themselves). The last owner stays.',
    args: { input: t.arg({ type: RemoveBusinessMemberInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      ...resultNames('removeBusinessMember', 'removedMembershipId', 'The ID of the removed membership.'),
    },
    resolve: async (_root, { input }, ctx) =>
      encodeGlobalID(
        'Membership',
        await removeBusinessMember(ctx, parseGlobalId(input.membershipId, 'Membership', ['input', 'membershipId'])),
      ),
  }),
}));
