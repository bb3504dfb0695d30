import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { type AiKnowledge, type AiMode, type AiSettings, readAiSettings, type Weekday, WEEKDAYS } from '../services/ai/settings.ts';
import { updateAiSettings } from '../services/ai/settings-update.ts';
import { resultNames } from './mutation-result.ts';

export const AiModeEnum = builder.enumType('AiMode', {
  description: 'How the AI answers customers.',
  values: {
    AUTO: { description: 'Replies go out at once.' },
    DRAFT: { description: 'Replies wait as drafts for an agent to approve (approveAiDraft) or discard.' },
    OFF: { description: 'The AI stays quiet.' },
  } satisfies Record<AiMode, { description: string }>,
});

export const WeekdayEnum = builder.enumType('Weekday', {
  description: 'A day of the week.',
  values: Object.fromEntries(WEEKDAYS.map((day) => [day, { description: `${day[0]}${day.slice(1).toLowerCase()}.` }])) as Record<Weekday, { description: string }>,
});

type FaqEntry = AiKnowledge['faq'][number];
type OpeningPeriod = AiKnowledge['openingHours'][number];
type HoursException = AiKnowledge['hoursExceptions'][number];
type CatalogueItem = AiKnowledge['items'][number];
type Policy = AiKnowledge['policies'][number];

const FaqEntryRef = builder.objectRef<FaqEntry>('FaqEntry').implement({
  description: 'A question customers ask and the business’s answer.',
  fields: (t) => ({
    question: t.exposeString('question', { description: 'The question, up to 500 characters.' }),
    answer: t.exposeString('answer', { description: 'The answer, up to 2,000 characters.' }),
  }),
});

const OpeningPeriodRef = builder.objectRef<OpeningPeriod>('OpeningPeriod').implement({
  description: 'Opening hours on one weekday, in the business’s timezone. `closes` at or before `opens` runs past midnight.',
  fields: (t) => ({
    weekday: t.field({ type: WeekdayEnum, description: 'The day the period starts.', resolve: (period) => period.weekday }),
    opens: t.exposeString('opens', { description: 'Opening time, "HH:MM" (24-hour).' }),
    closes: t.exposeString('closes', { description: 'Closing time, "HH:MM"; at or before `opens` means the next day.' }),
  }),
});

const HoursExceptionRef = builder.objectRef<HoursException>('HoursException').implement({
  description: 'A date whose hours differ from the week’s: a holiday or special hours.',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'The local date, "YYYY-MM-DD".' }),
    closed: t.exposeBoolean('closed', { description: 'Closed all day.' }),
    opens: t.string({ nullable: true, description: 'Opening time that day, "HH:MM", when not closed.', resolve: (day) => day.opens ?? null }),
    closes: t.string({ nullable: true, description: 'Closing time that day, "HH:MM", when not closed.', resolve: (day) => day.closes ?? null }),
    note: t.string({ nullable: true, description: 'Why, as customers are told (e.g. "Christmas Eve").', resolve: (day) => day.note ?? null }),
  }),
});

const CatalogueItemRef = builder.objectRef<CatalogueItem>('CatalogueItem').implement({
  description: 'A product, service or menu item the AI can quote.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name.' }),
    description: t.string({ nullable: true, description: 'What it is.', resolve: (item) => item.description ?? null }),
    price: t.float({ nullable: true, description: 'Price in the currency’s major unit, e.g. 12.5.', resolve: (item) => item.price ?? null }),
    currency: t.string({ nullable: true, description: 'ISO 4217 code such as "EUR".', resolve: (item) => item.currency ?? null }),
  }),
});

const PolicyRef = builder.objectRef<Policy>('Policy').implement({
  description: 'A rule customers ask about (returns, cancellations, deliveries…).',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Short name.' }),
    text: t.exposeString('text', { description: 'The policy, up to 4,000 characters.' }),
  }),
});

const nullableString = (value: string | null | undefined) => value ?? null;

const AiKnowledgeRef = builder.objectRef<AiKnowledge>('AiKnowledge').implement({
  description: 'The facts the AI answers from. It never states facts that are not here.',
  fields: (t) => ({
    faq: t.field({ type: [FaqEntryRef], description: 'Questions and answers.', resolve: (knowledge) => knowledge.faq }),
    openingHours: t.field({ type: [OpeningPeriodRef], description: 'Weekly opening hours.', resolve: (knowledge) => knowledge.openingHours }),
    hoursExceptions: t.field({ type: [HoursExceptionRef], description: 'Holidays and special hours.', resolve: (knowledge) => knowledge.hoursExceptions }),
    address: t.string({ nullable: true, description: 'Street address.', resolve: (knowledge) => nullableString(knowledge.address) }),
    mapUrl: t.string({ nullable: true, description: 'A map link to the address.', resolve: (knowledge) => nullableString(knowledge.mapUrl) }),
    bookingUrl: t.string({ nullable: true, description: 'Where customers book; reservation questions get this link.', resolve: (knowledge) => nullableString(knowledge.bookingUrl) }),
    website: t.string({ nullable: true, description: 'The business’s website.', resolve: (knowledge) => nullableString(knowledge.website) }),
    phone: t.string({ nullable: true, description: 'A phone number customers may be given (E.164).', resolve: (knowledge) => nullableString(knowledge.phone) }),
    email: t.string({ nullable: true, description: 'An email address customers may be given.', resolve: (knowledge) => nullableString(knowledge.email) }),
    items: t.field({ type: [CatalogueItemRef], description: 'Products, services or menu items with prices.', resolve: (knowledge) => knowledge.items }),
    policies: t.field({ type: [PolicyRef], description: 'Policies customers ask about.', resolve: (knowledge) => knowledge.policies }),
  }),
});

const VoiceSettingsRef = builder.objectRef<AiSettings['voice']>('VoiceSettings').implement({
  description: 'How the AI handles phone calls.',
  fields: (t) => ({
    fallbackNumber: t.string({
      nullable: true,
      description: 'Where a caller who asks for a person is forwarded (E.164); without one they may leave a message.',
      resolve: (voice) => voice.fallbackNumber ?? null,
    }),
    maxCallSeconds: t.exposeInt('maxCallSeconds', { description: 'Calls are ended politely after this long (30–3,600).' }),
  }),
});

const AiSettingsRef = builder.objectRef<AiSettings>('AiSettings').implement({
  description: 'How the business’s AI answers: on or off, mode, tone, knowledge and when it hands over to people.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether the AI answers at all.' }),
    mode: t.field({ type: AiModeEnum, description: 'Send at once, draft for approval, or stay quiet.', resolve: (settings) => settings.mode }),
    persona: t.string({ nullable: true, description: 'Tone and persona, e.g. "friendly, brief, uses the customer’s first name".', resolve: (settings) => settings.persona ?? null }),
    instructions: t.string({ nullable: true, description: 'Extra instructions for the model.', resolve: (settings) => settings.instructions ?? null }),
    knowledge: t.field({ type: AiKnowledgeRef, description: 'The facts answers come from.', resolve: (settings) => settings.knowledge }),
    replyLanguages: t.exposeStringList('replyLanguages', { description: 'ISO 639-1 codes the AI answers in; other languages get the business language.' }),
    handoffKeywords: t.exposeStringList('handoffKeywords', { description: 'Words or phrases that hand the conversation to a person at once.' }),
    blocklist: t.exposeStringList('blocklist', { description: 'Words or phrases a reply must never contain; such a reply is not sent.' }),
    maxRepliesPerConversationPerHour: t.exposeInt('maxRepliesPerConversationPerHour', { description: 'AI replies per conversation per hour, at most.' }),
    confidenceThreshold: t.exposeFloat('confidenceThreshold', { description: 'Below this confidence (0–1) the AI hands over instead of guessing.' }),
    humanFallbackMessage: t.string({
      nullable: true,
      description: 'What customers are told when the AI cannot answer; a built-in sentence in their language when null.',
      resolve: (settings) => settings.humanFallbackMessage ?? null,
    }),
    handBackOnResolve: t.exposeBoolean('handBackOnResolve', { description: 'Resolving a conversation hands it back to the AI.' }),
    handBackAfterIdleMinutes: t.int({
      nullable: true,
      description: 'A conversation people took over goes back to the AI after this many quiet minutes; null keeps it with people.',
      resolve: (settings) => settings.handBackAfterIdleMinutes ?? null,
    }),
    voice: t.field({ type: VoiceSettingsRef, description: 'Phone call behaviour.', resolve: (settings) => settings.voice }),
  }),
});

builder.prismaObjectField('Business', 'aiSettings', (t) =>
  t.field({
    type: AiSettingsRef,
    description: 'How the AI answers for this business, with defaults for anything never set.',
    select: { aiSettings: true },
    resolve: (business) => readAiSettings(business.aiSettings),
  }),
);

const FaqEntryInput = builder.inputType('FaqEntryInput', {
  description: 'A question and its answer.',
  fields: (t) => ({
    question: t.string({ description: 'Up to 500 characters.' }),
    answer: t.string({ description: 'Up to 2,000 characters.' }),
  }),
});

const OpeningPeriodInput = builder.inputType('OpeningPeriodInput', {
  description: 'Opening hours on one weekday, local time.',
  fields: (t) => ({
    weekday: t.field({ type: WeekdayEnum, description: 'The day the period starts.' }),
    opens: t.string({ description: '"HH:MM", 24-hour.' }),
    closes: t.string({ description: '"HH:MM"; at or before `opens` means past midnight.' }),
  }),
});

const HoursExceptionInput = builder.inputType('HoursExceptionInput', {
  description: 'A holiday (closed) or a date with special hours.',
  fields: (t) => ({
    date: t.string({ description: 'Local date, "YYYY-MM-DD".' }),
    closed: t.boolean({ description: 'Closed all day; otherwise give opens and closes.' }),
    opens: t.string({ required: false, description: '"HH:MM" when open.' }),
    closes: t.string({ required: false, description: '"HH:MM" when open.' }),
    note: t.string({ required: false, description: 'Why, as customers are told.' }),
  }),
});

const CatalogueItemInput = builder.inputType('CatalogueItemInput', {
  description: 'A product, service or menu item.',
  fields: (t) => ({
    name: t.string({ description: 'Up to 200 characters.' }),
    description: t.string({ required: false, description: 'Up to 1,000 characters.' }),
    price: t.float({ required: false, description: 'In the currency’s major unit.' }),
    currency: t.string({ required: false, description: 'ISO 4217 code such as "EUR".' }),
  }),
});

const PolicyInput = builder.inputType('PolicyInput', {
  description: 'A policy customers ask about.',
  fields: (t) => ({
    title: t.string({ description: 'Up to 200 characters.' }),
    text: t.string({ description: 'Up to 4,000 characters.' }),
  }),
});

const AiKnowledgeInput = builder.inputType('AiKnowledgeInput', {
  description: 'Knowledge sections to replace; omitted sections stay as they are, null clears a single value.',
  fields: (t) => ({
    faq: t.field({ type: [FaqEntryInput], required: false, description: 'Replaces all FAQ entries (at most 200).' }),
    openingHours: t.field({ type: [OpeningPeriodInput], required: false, description: 'Replaces the weekly hours (at most 21 periods).' }),
    hoursExceptions: t.field({ type: [HoursExceptionInput], required: false, description: 'Replaces holidays and special hours.' }),
    address: t.string({ required: false, description: 'Street address.' }),
    mapUrl: t.string({ required: false, description: 'http(s) map link.' }),
    bookingUrl: t.string({ required: false, description: 'http(s) booking link.' }),
    website: t.string({ required: false, description: 'http(s) website.' }),
    phone: t.string({ required: false, description: 'E.164 phone number customers may be given.' }),
    email: t.string({ required: false, description: 'Email address customers may be given.' }),
    items: t.field({ type: [CatalogueItemInput], required: false, description: 'Replaces the catalogue (at most 500 items).' }),
    policies: t.field({ type: [PolicyInput], required: false, description: 'Replaces the policies (at most 50).' }),
  }),
});

const VoiceSettingsInput = builder.inputType('VoiceSettingsInput', {
  description: 'Phone call behaviour to change.',
  fields: (t) => ({
    fallbackNumber: t.string({ required: false, description: 'E.164 number handed-off calls are forwarded to; null: callers leave a message.' }),
    maxCallSeconds: t.int({ required: false, description: '30–3,600.' }),
  }),
});

const UpdateAiSettingsInput = builder.inputType('UpdateAiSettingsInput', {
  description: 'AI settings to change; omitted fields stay as they are. The result is validated as a whole.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    enabled: t.boolean({ required: false, description: 'Turn the AI on or off.' }),
    mode: t.field({ type: AiModeEnum, required: false, description: 'AUTO, DRAFT or OFF.' }),
    persona: t.string({ required: false, description: 'Tone and persona, up to 500 characters; null clears it.' }),
    instructions: t.string({ required: false, description: 'Extra instructions, up to 4,000 characters; null clears them.' }),
    knowledge: t.field({ type: AiKnowledgeInput, required: false, description: 'Knowledge sections to replace.' }),
    replyLanguages: t.stringList({ required: false, description: 'ISO 639-1 codes, e.g. ["lv", "en", "ru"].' }),
    handoffKeywords: t.stringList({ required: false, description: 'Words or phrases that hand over at once.' }),
    blocklist: t.stringList({ required: false, description: 'Words or phrases replies must never contain.' }),
    maxRepliesPerConversationPerHour: t.int({ required: false, description: '1–100.' }),
    confidenceThreshold: t.float({ required: false, description: '0–1; lower answers more, higher hands over more.' }),
    humanFallbackMessage: t.string({ required: false, description: 'Up to 1,000 characters; null uses the built-in sentence.' }),
    handBackOnResolve: t.boolean({ required: false, description: 'Resolving hands back to the AI.' }),
    handBackAfterIdleMinutes: t.int({ required: false, description: '5–43,200 minutes; null keeps conversations with people.' }),
    voice: t.field({ type: VoiceSettingsInput, required: false, description: 'Phone call behaviour to change.' }),
  }),
});

builder.mutationFields((t) => ({
  updateAiSettings: t.prismaField({
    type: 'Business',
    authScopes: { signedIn: true },
    description: 'Changes the business’s AI settings and knowledge (owners and MANAGE keys). Audit-logged.',
    args: { input: t.arg({ type: UpdateAiSettingsInput, description: 'What to change; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], ...resultNames('updateAiSettings', 'business', 'The business with its new settings.') },
    resolve: (query, _root, { input: { businessId, ...changes } }, ctx) =>
      updateAiSettings(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), changes, query),
  }),
}));
