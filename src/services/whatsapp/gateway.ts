/**
 * The one interface Switchboard talks to a WhatsApp engine through. The Evolution API client
 * implements it over HTTP; the sandbox implements it in-process for the embedded default.
 * Names and shapes follow Evolution API v2 (../shared/evolution/CONTRACT.md), minus its quirks.
 */

/** Evolution's connection states (`connectionState`, `connection.update`). */
export type ConnectionState = 'open' | 'connecting' | 'close' | 'refused';

export type GatewayIntegration = 'WHATSAPP-BAILEYS' | 'WHATSAPP-BUSINESS';

export interface QrCode {
  /** Raw QR string, to render. */
  code: string | null;
  /** `data:image/png;base64,…` image of the QR. */
  image: string | null;
  /** 8-character pairing code, when a phone number was given. */
  pairingCode: string | null;
  /** How many QR codes the engine has produced for this pairing attempt. */
  count: number;
}

export interface WebhookConfig {
  url: string;
  /** Sent back on every delivery; the per-instance secret travels here. */
  headers: Record<string, string>;
  /** Upper-case config names (`MESSAGES_UPSERT`, …); never empty (empty means "all" to Evolution). */
  events: string[];
}

export interface CreateInstanceRequest {
  instanceName: string;
  integration: GatewayIntegration;
  /** Instance token; for WHATSAPP-BUSINESS the Meta access token. */
  token?: string;
  /** Digits only: pairing-code number (Baileys) or phone-number id (WHATSAPP-BUSINESS). */
  number?: string;
  /** Meta business id (WHATSAPP-BUSINESS). */
  businessId?: string;
  /** Ask for a QR in the create response (Baileys; Evolution waits up to 5 s for it). */
  qrcode: boolean;
  webhook: WebhookConfig;
}

export interface CreatedInstance {
  instanceId: string;
  /** The instance token (`hash`). */
  token: string;
  state: ConnectionState;
  qr: QrCode | null;
}

/** `connect`: either already open, or the current QR (null before the first one exists). */
export type ConnectResult = { state: 'open' } | { state: 'connecting'; qr: QrCode | null };

export interface RemoteInstance {
  instanceId: string;
  name: string;
  state: ConnectionState;
  ownerJid: string | null;
  profileName: string | null;
  number: string | null;
}

export interface SentMessage {
  /** WhatsApp message id (`key.id`). */
  externalId: string;
  remoteJid: string;
  /** Seconds since the epoch, as Evolution reports it. */
  timestamp: number | null;
}

export interface QuotedRef {
  externalId: string;
  remoteJid?: string;
  fromMe?: boolean;
}

export interface SendTextRequest {
  /** Digits or a full JID. */
  to: string;
  text: string;
  quoted?: QuotedRef;
  /** Milliseconds of "typing…" before sending. */
  delayMs?: number;
}

export interface SendMediaRequest {
  to: string;
  mediaType: 'image' | 'video' | 'document' | 'audio';
  /** https URL or raw base64 (no data: prefix). */
  media: string;
  mimeType?: string;
  caption?: string;
  fileName?: string;
  quoted?: QuotedRef;
}

export interface SendAudioRequest {
  to: string;
  audio: string;
  quoted?: QuotedRef;
}

export interface SendLocationRequest {
  to: string;
  latitude: number;
  longitude: number;
  name: string;
  address: string;
  quoted?: QuotedRef;
}

export interface SendReactionRequest {
  target: { externalId: string; remoteJid: string; fromMe: boolean };
  /** An emoji; "" removes the reaction. */
  emoji: string;
}

export interface NumberCheck {
  number: string;
  exists: boolean;
  jid: string;
  name: string | null;
  lid: string | null;
}

export type Presence = 'available' | 'unavailable' | 'composing' | 'recording' | 'paused';

export interface StoredMessagePage {
  total: number;
  pages: number;
  currentPage: number;
  /** Raw Evolution message records (same shape as `messages.upsert` data plus `id`, `MessageUpdate`). */
  records: Record<string, unknown>[];
}

export interface ProfileInfo {
  wuid: string | null;
  name: string | null;
  picture: string | null;
  status: string | null;
  isBusiness: boolean;
}

export interface WhatsAppGateway {
  readonly kind: 'evolution' | 'sandbox';
  /** Evolution's `GET /`: resolves when the server answers. */
  ping(): Promise<void>;
  createInstance(request: CreateInstanceRequest): Promise<CreatedInstance>;
  connect(instanceName: string, number?: string): Promise<ConnectResult>;
  connectionState(instanceName: string): Promise<ConnectionState>;
  /** One instance by name, or null when the server does not know it. */
  fetchInstance(instanceName: string): Promise<RemoteInstance | null>;
  restart(instanceName: string): Promise<void>;
  logout(instanceName: string): Promise<void>;
  deleteInstance(instanceName: string): Promise<void>;
  setWebhook(instanceName: string, webhook: WebhookConfig): Promise<void>;
  findWebhook(instanceName: string): Promise<(WebhookConfig & { enabled: boolean }) | null>;
  sendText(instanceName: string, request: SendTextRequest): Promise<SentMessage>;
  sendMedia(instanceName: string, request: SendMediaRequest): Promise<SentMessage>;
  sendWhatsAppAudio(instanceName: string, request: SendAudioRequest): Promise<SentMessage>;
  sendLocation(instanceName: string, request: SendLocationRequest): Promise<SentMessage>;
  sendReaction(instanceName: string, request: SendReactionRequest): Promise<SentMessage>;
  whatsappNumbers(instanceName: string, numbers: string[]): Promise<NumberCheck[]>;
  markMessageAsRead(instanceName: string, messages: { externalId: string; remoteJid: string; fromMe: boolean }[]): Promise<void>;
  sendPresence(instanceName: string, to: string, presence: Presence, delayMs: number): Promise<void>;
  findMessages(instanceName: string, query: { remoteJid?: string; externalId?: string; page?: number }): Promise<StoredMessagePage>;
  fetchProfile(instanceName: string, number: string): Promise<ProfileInfo>;
  updateProfileName(instanceName: string, name: string): Promise<void>;
  updateProfileStatus(instanceName: string, status: string): Promise<void>;
  updateProfilePicture(instanceName: string, picture: string): Promise<void>;
}
