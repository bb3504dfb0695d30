import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, templateVariables } from '../../src/services/outbox/templates.ts';
import {
  CreateReplyTemplateDocument,
  DeleteReplyTemplateDocument,
  OutboxNodeDocument,
  ReplyTemplatesDocument,
  UpdateReplyTemplateDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { createApiKey } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { connectedLine, drained, type Line, queue, send, sentOn, textOf } from './helpers.ts';

let fake: FakeEvolution;
let server: TestApp;
let owner: string;
let rival: string;
let line: Line;
let rivalLine: Line;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey } });
  owner = await server.token({ sub: 'template-owner' });
  rival = await server.token({ sub: 'template-rival' });
  line = await connectedLine(server, fake, owner, 'Template Shop');
  rivalLine = await connectedLine(server, fake, rival, 'Template Rival');
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

async function create(input: { businessId: string; name: string; body: string; language?: string }, token = owner) {
  return (await executeOk(server.url, CreateReplyTemplateDocument, { input }, { token })).createReplyTemplate;
}

async function created(input: { businessId: string; name: string; body: string; language?: string }, token = owner) {
  const result = await create(input, token);
  if (result.__typename !== 'CreateReplyTemplatePayload') throw new Error(JSON.stringify(result));
  return result.replyTemplate;
}

describe('rendering', () => {
  it('lists the variables in order of first use and fills them literally', () => {
    const body = 'Hi {{ name }}, order {{order}} is ready. Thanks, {{name}}!';
    expect(templateVariables(body)).toEqual(['name', 'order']);
    expect(renderTemplate(body, [{ name: 'order', value: '#117' }, { name: 'name', value: 'Ana {{order}}' }], ['input', 'variables'])).toBe(
      'Hi Ana {{order}}, order #117 is ready. Thanks, Ana {{order}}!',
    );
  });

  it('a missing or unknown variable is a ValidationError naming it', () => {
    expect(() => renderTemplate('Hi {{name}}', [], ['input', 'variables'])).toThrow('Missing a value for the template variable "name"');
    expect(() => renderTemplate('Hi {{name}}', [{ name: 'name', value: 'A' }, { name: 'nmae', value: 'B' }], ['input', 'variables'])).toThrow(
      'The template has no variable "nmae"',
    );
  });
});

describe('reply templates', () => {
  it('creates, lists by name, updates and deletes, with variables derived from the body', async () => {
    const greeting = await created({ businessId: line.businessId, name: 'Greeting', body: 'Hello {{name}}!', language: 'en-us' });
    expect(greeting).toMatchObject({ name: 'Greeting', variables: ['name'], language: 'en-US' });
    await created({ businessId: line.businessId, name: 'Apology', body: 'Sorry for the wait.' });

    const listed = await executeOk(server.url, ReplyTemplatesDocument, { businessId: line.businessId, first: 10 }, { token: owner });
    expect(listed.business?.replyTemplates.edges.map((edge) => edge.node.name)).toEqual(['Apology', 'Greeting']);

    const updated = await executeOk(
      server.url,
      UpdateReplyTemplateDocument,
      { input: { replyTemplateId: greeting.id, body: 'Hello {{name}}, welcome to {{shop}}.', language: null } },
      { token: owner },
    );
    expect(updated.updateReplyTemplate).toMatchObject({
      __typename: 'UpdateReplyTemplatePayload',
      replyTemplate: { name: 'Greeting', variables: ['name', 'shop'], language: null },
    });

    const deleted = await executeOk(server.url, DeleteReplyTemplateDocument, { input: { replyTemplateId: greeting.id } }, { token: owner });
    expect(deleted.deleteReplyTemplate).toEqual({ __typename: 'DeleteReplyTemplatePayload', deletedReplyTemplateId: greeting.id });
    expect((await executeOk(server.url, OutboxNodeDocument, { id: greeting.id }, { token: owner })).node).toBeNull();
  });

  it.each([
    ['a blank body', { body: '  ' }, ['input', 'body']],
    ['4,097 characters', { body: 'x'.repeat(4_097) }, ['input', 'body']],
    ['a placeholder that is not a name', { body: 'Hi {{first name}}' }, ['input', 'body']],
    ['an unclosed placeholder', { body: 'Hi {{name' }, ['input', 'body']],
    ['a stray closing brace pair', { body: 'Hi name}}' }, ['input', 'body']],
    ['an invalid language tag', { body: 'Hi', language: 'not a language' }, ['input', 'language']],
    ['an empty name', { name: '' }, ['input', 'name']],
  ])('%s → VALIDATION_FAILED', async (_name, change, field) => {
    const result = await create({ businessId: line.businessId, name: 'Broken', body: 'Fine', ...change });
    expect(result).toMatchObject({ __typename: 'ValidationError', field });
  });

  it('names are unique per business: CONFLICT on create and rename, fine in another business', async () => {
    await created({ businessId: line.businessId, name: 'Hours', body: 'We open at 9.' });
    const other = await created({ businessId: line.businessId, name: 'Address', body: 'Brīvības iela 1' });
    expect(await create({ businessId: line.businessId, name: 'Hours', body: 'Again' })).toMatchObject({ __typename: 'ConflictError', field: ['input', 'name'] });
    const renamed = await executeOk(server.url, UpdateReplyTemplateDocument, { input: { replyTemplateId: other.id, name: 'Hours' } }, { token: owner });
    expect(renamed.updateReplyTemplate).toMatchObject({ __typename: 'ConflictError' });
    await created({ businessId: rivalLine.businessId, name: 'Hours', body: 'We open at 10.' }, rival);
  });

  it('other tenants cannot see, change, delete or send with a template; SEND-only keys cannot manage them', async () => {
    const secret = await created({ businessId: line.businessId, name: 'Secret', body: 'Only for us' });
    expect((await executeOk(server.url, OutboxNodeDocument, { id: secret.id }, { token: rival })).node).toBeNull();
    const change = await executeOk(server.url, UpdateReplyTemplateDocument, { input: { replyTemplateId: secret.id, body: 'Mine now' } }, { token: rival });
    expect(change.updateReplyTemplate).toMatchObject({ __typename: 'NotFoundError' });
    const removal = await executeOk(server.url, DeleteReplyTemplateDocument, { input: { replyTemplateId: secret.id } }, { token: rival });
    expect(removal.deleteReplyTemplate).toMatchObject({ __typename: 'NotFoundError' });
    const sent = await send(server.url, { instanceId: rivalLine.instanceId, to: '+12025550777', templateId: secret.id }, { token: rival });
    expect(sent).toMatchObject({ __typename: 'NotFoundError', field: ['input', 'templateId'] });

    const key = await createApiKey(server.url, owner, line.businessId, ['SEND']);
    const { body } = await execute(server.url, CreateReplyTemplateDocument, { input: { businessId: line.businessId, name: 'Key', body: 'x' } }, { apiKey: key.secret });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('sendMessage fills a template; a missing or unknown variable is a typed error naming it and queues nothing', async () => {
    const ready = await created({ businessId: line.businessId, name: 'Order ready', body: 'Hi {{name}}, order {{order}} is ready for pickup.' });
    const to = '+12025550888';
    const missing = await send(server.url, { instanceId: line.instanceId, to, templateId: ready.id, variables: [{ name: 'name', value: 'Ana' }] }, { token: owner });
    expect(missing).toMatchObject({ __typename: 'ValidationError', field: ['input', 'variables'], message: expect.stringContaining('"order"') });
    const unknown = await send(
      server.url,
      { instanceId: line.instanceId, to, templateId: ready.id, variables: [{ name: 'name', value: 'Ana' }, { name: 'order', value: '#1' }, { name: 'ordr', value: '#1' }] },
      { token: owner },
    );
    expect(unknown).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('"ordr"') });
    expect(await send(server.url, { instanceId: line.instanceId, to, templateId: ready.id, text: 'Both' }, { token: owner })).toMatchObject({
      field: ['input', 'text'],
    });

    const message = await queue(
      server.url,
      { instanceId: line.instanceId, to, templateId: ready.id, variables: [{ name: 'order', value: '#117' }, { name: 'name', value: 'Ana' }] },
      { token: owner },
    );
    expect(message.text).toBe('Hi Ana, order #117 is ready for pickup.');
    await drained(line.businessRowId);
    expect(sentOn(fake, line.name).map(textOf)).toEqual(['Hi Ana, order #117 is ready for pickup.']);
  });
});
