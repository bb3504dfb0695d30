import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { db } from '../db.ts';
import { ConflictError, NotFoundError, notVisible, ValidationError } from '../errors.ts';
import { parseGlobalId, parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { selection } from '../services/db/selection.ts';
import {
  businessSearchWhere,
  changePlan,
  createBusiness,
  deleteBusiness,
  findVisibleBusiness,
  updateBusiness,
} from '../services/businesses.ts';
import type { BusinessChangedEvent } from '../services/events/topics.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

export const PlanEnum = builder.enumType('Plan', {
  description: 'What a business pays for and may use.',
  values: {
    BASIC: { description: 'Free: no WhatsApp line.' },
    PRO: { description: '35/month: WhatsApp, 5,000 messages, 500 calls and 2,000 contacts a month.' },
    ENTERPRISE: { description: '60/month: WhatsApp, everything unlimited.' },
  },
});

const manageOnly = (business: { id: string }) => ({
  businessPermission: { businessId: business.id, permission: 'MANAGE' as const },
});

export const BusinessRef = builder.prismaNode('Business', {
  description: 'A tenant: one company on the platform, with its members, keys, lines and inbox.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [visibleBusinessesWhere(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name, 1–120 characters.' }),
    slug: t.exposeString('slug', { description: 'Unique URL-safe handle.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the business does, in its own words.' }),
    category: t.exposeString('category', { nullable: true, description: 'Kind of business, such as "restaurant".' }),
    countryCode: t.exposeString('countryCode', { description: 'ISO 3166-1 alpha-2 country code.' }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone; reports and opening hours use it.' }),
    language: t.exposeString('language', { description: 'BCP-47 tag of the language customers are answered in by default.' }),
    plan: t.expose('plan', { type: PlanEnum, description: 'The current plan.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the business was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the business was last changed.' }),
    members: t.relatedConnection(
      'memberships',
      { ...pageSize, cursor: 'id', query: { orderBy: { id: 'asc' } }, description: 'People with a role in the business, oldest first.' },
      { name: 'MembershipConnection' },
      { name: 'MembershipEdge' },
    ),
    apiKeys: t.relatedConnection(
      'apiKeys',
      {
        ...pageSize,
        nullable: true,
        authScopes: manageOnly,
        cursor: 'id',
        query: { orderBy: { id: 'desc' } },
        description: 'Integrator keys, newest first (owners and MANAGE keys only). Secrets are never shown.',
      },
      { name: 'ApiKeyConnection' },
      { name: 'ApiKeyEdge' },
    ),
    auditLog: t.relatedConnection(
      'auditLogs',
      {
        ...pageSize,
        nullable: true,
        authScopes: manageOnly,
        cursor: 'id',
        query: { orderBy: { id: 'desc' } },
        description: 'Every change to the business, its members and keys, newest first (owners and MANAGE keys only).',
      },
      { name: 'AuditLogConnection' },
      { name: 'AuditLogEdge' },
    ),
  }),
});

builder.queryFields((t) => ({
  business: t.prismaField({
    type: 'Business',
    nullable: true,
    description: 'A business you can see, or null (also for ids of other tenants).',
    args: { id: t.arg.id({ description: 'The business ID.' }) },
    resolve: (query, _root, { id }, ctx) => {
      const businessId = parseGlobalIdOrNull(id, 'Business');
      return businessId ? findVisibleBusiness(ctx, businessId, query) : null;
    },
  }),
  businesses: t.prismaConnection(
    {
      type: 'Business',
      cursor: 'id',
      ...pageSize,
      authScopes: { signedIn: true },
      description: 'Businesses you can see, newest first. Admins see all.',
      args: { search: t.arg.string({ required: false, description: 'Matches name or slug, case-insensitively.' }) },
      resolve: (query, _root, { search }, ctx) =>
        db().business.findMany({ ...selection(query), where: businessSearchWhere(ctx, search), orderBy: { id: 'desc' } }),
    },
    { name: 'BusinessConnection' },
    { name: 'BusinessEdge' },
  ),
}));

const CreateBusinessInput = builder.inputType('CreateBusinessInput', {
  description: 'A new business; you become its owner.',
  fields: (t) => ({
    name: t.string({ description: 'Display name, 1–120 characters.' }),
    slug: t.string({ required: false, description: 'Unique handle; derived from the name when omitted.' }),
    description: t.string({ required: false, description: 'Up to 2,000 characters.' }),
    category: t.string({ required: false, description: 'Kind of business, up to 80 characters.' }),
    countryCode: t.string({ description: 'ISO 3166-1 alpha-2 country code, such as "LV".' }),
    timezone: t.string({ description: 'IANA time zone, such as "Europe/Riga".' }),
    language: t.string({ required: false, description: 'BCP-47 language tag; "en" when omitted.' }),
  }),
});

const UpdateBusinessInput = builder.inputType('UpdateBusinessInput', {
  description: 'Fields to change; omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ description: 'The business ID.' }),
    name: t.string({ required: false, description: 'Display name, 1–120 characters.' }),
    slug: t.string({ required: false, description: 'Unique handle.' }),
    description: t.string({ required: false, description: 'Up to 2,000 characters; null clears it.' }),
    category: t.string({ required: false, description: 'Up to 80 characters; null clears it.' }),
    countryCode: t.string({ required: false, description: 'ISO 3166-1 alpha-2 country code.' }),
    timezone: t.string({ required: false, description: 'IANA time zone.' }),
    language: t.string({ required: false, description: 'BCP-47 language tag.' }),
  }),
});

const ChangePlanInput = builder.inputType('ChangePlanInput', {
  description: 'The plan a business moves to.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    plan: t.field({ type: PlanEnum, description: 'The new plan.' }),
  }),
});

const DeleteBusinessInput = builder.inputType('DeleteBusinessInput', {
  description: 'The business to delete.',
  fields: (t) => ({ id: t.id({ description: 'The business ID.' }) }),
});

builder.mutationFields((t) => ({
  createBusiness: t.prismaField({
    type: 'Business',
    authScopes: { user: true },
    description: 'Creates a business with you as its owner.',
    args: { input: t.arg({ type: CreateBusinessInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, ConflictError],
      ...resultNames('createBusiness', 'business', 'The created business.'),
    },
    resolve: (query, _root, { input }, ctx) => createBusiness(ctx, input, query),
  }),
  updateBusiness: t.prismaField({
    type: 'Business',
    authScopes: { signedIn: true },
    description: 'Changes a business (owners and MANAGE keys). Subscribers of `businessUpdated` are told.',
    args: { input: t.arg({ type: UpdateBusinessInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      ...resultNames('updateBusiness', 'business', 'The updated business.'),
    },
    resolve: (query, _root, { input: { id, ...changes } }, ctx) =>
      updateBusiness(ctx, parseGlobalId(id, 'Business', ['input', 'id']), changes, query),
  }),
  changePlan: t.prismaField({
    type: 'Business',
    authScopes: { user: true },
    description: 'Moves a business to another plan (admins; owners too when SELF_SERVICE_PLANS=true). Downgrades apply at once.',
    args: { input: t.arg({ type: ChangePlanInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError],
      ...resultNames('changePlan', 'business', 'The business on its new plan.'),
    },
    resolve: (query, _root, { input }, ctx) =>
      changePlan(ctx, parseGlobalId(input.businessId, 'Business', ['input', 'businessId']), input.plan, query),
  }),
  deleteBusiness: t.field({
    type: 'ID',
    authScopes: { user: true },
    description: 'Soft-deletes a business (owners and admins): it disappears from every query, its history is kept.',
    args: { input: t.arg({ type: DeleteBusinessInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError],
      ...resultNames('deleteBusiness', 'deletedBusinessId', 'The ID of the deleted business.'),
    },
    resolve: async (_root, { input }, ctx) =>
      encodeGlobalID('Business', await deleteBusiness(ctx, parseGlobalId(input.id, 'Business', ['input', 'id']))),
  }),
}));

const BusinessChangeKindEnum = builder.enumType('BusinessChangeKind', {
  description: 'What happened to a business.',
  values: {
    UPDATED: { description: 'Its fields changed.' },
    DELETED: { description: 'It was deleted.' },
  },
});

const BusinessUpdatedEvent = builder.objectRef<BusinessChangedEvent>('BusinessUpdatedEvent').implement({
  description: 'A change to a business you can see.',
  fields: (t) => ({
    kind: t.field({ type: BusinessChangeKindEnum, description: 'What happened.', resolve: (event) => event.kind }),
    businessId: t.id({ description: 'The business ID.', resolve: (event) => encodeGlobalID('Business', event.businessId) }),
    business: t.prismaField({
      type: 'Business',
      nullable: true,
      description: 'The business as it is now; null once deleted.',
      resolve: (query, event, _args, ctx) => findVisibleBusiness(ctx, event.businessId, query),
    }),
  }),
});

builder.subscriptionField('businessUpdated', (t) =>
  t.field({
    type: BusinessUpdatedEvent,
    authScopes: { signedIn: true },
    description: 'Changes to one business, as they happen.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, { businessId }, ctx) => {
      const id = parseGlobalIdOrNull(businessId, 'Business');
      if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
      return ctx.pubsub.subscribe('business:updated', id);
    },
    resolve: (event) => event,
  }),
);
