import { randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { GatewayError } from './gateway-errors.ts';
import type {
  ConnectionState,
  ConnectResult,
  CreatedInstance,
  CreateInstanceRequest,
  NumberCheck,
  ProfileInfo,
  QrCode,
  RemoteInstance,
  SentMessage,
  StoredMessagePage,
  WebhookConfig,
  WhatsAppGateway,
} from './gateway.ts';

/** Hands a webhook body to the ingestion path, exactly as if Evolution had POSTed it. */
export type SandboxDelivery = (instanceName: string, body: Record<string, unknown>) => Promise<void>;

interface SandboxInstance {
  instanceId: string;
  token: string;
  state: ConnectionState;
  webhook: WebhookConfig;
  qrCount: number;
  ownJid: string | null;
  profileName: string | null;
}

const SANDBOX_PROFILE_NAME = 'Sandbox line';

function digits(value: string): string {
  return value.includes('@') ? value.split('@')[0]! : value.replace(/\D/g, '');
}

function toJid(value: string): string {
  return value.includes('@') ? value : `${digits(value)}@s.whatsapp.net`;
}

/**
 * The embedded default gateway: a simulated WhatsApp engine with Evolution's behaviour. Instances
 * get a real, scannable QR (of a sandbox pairing string), `pair` simulates the scan, sends are
 * acknowledged and then reported delivered and read, and every event travels through the same
 * ingestion path as a real Evolution webhook.
 */
export class SandboxGateway implements WhatsAppGateway {
  readonly kind = 'sandbox';
  private readonly instances = new Map<string, SandboxInstance>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private deliver: SandboxDelivery = async () => {};

  constructor(private readonly deliveryDelayMs: number) {}

  /** Set once ingestion exists (it depends on the gateways, so it cannot be passed in the constructor). */
  attach(deliver: SandboxDelivery): void {
    this.deliver = deliver;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private instance(name: string): SandboxInstance {
    const instance = this.instances.get(name);
    if (!instance) throw new GatewayError('INSTANCE_NOT_FOUND', `The "${name}" instance does not exist`, { status: 404 });
    return instance;
  }

  private emit(name: string, event: string, data: unknown): Promise<void> {
    const instance = this.instances.get(name);
    return this.deliver(name, {
      event,
      instance: name,
      data,
      destination: instance?.webhook.url ?? null,
      date_time: new Date().toISOString(),
      ...(instance?.ownJid ? { sender: instance.ownJid } : {}),
      server_url: 'sandbox://switchboard',
      apikey: null,
    });
  }

  private later(delayMs: number, action: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action().catch(() => {});
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async newQr(name: string, pairingNumber?: string): Promise<QrCode> {
    const instance = this.instance(name);
    instance.qrCount += 1;
    const code = `sandbox@switchboard,${name},${instance.qrCount},${randomBytes(12).toString('base64url')}`;
    const qr: QrCode = {
      code,
      image: await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 1, width: 264 }),
      pairingCode: pairingNumber ? randomBytes(6).toString('base64url').replace(/[^A-Za-z0-9]/g, 'X').slice(0, 8).toUpperCase() : null,
      count: instance.qrCount,
    };
    await this.emit(name, 'qrcode.updated', { qrcode: { instance: name, pairingCode: qr.pairingCode, code: qr.code, base64: qr.image } });
    return qr;
  }

  private requireOpen(name: string): SandboxInstance {
    const instance = this.instance(name);
    if (instance.state !== 'open') throw new GatewayError('NOT_CONNECTED', 'Connection Closed', { status: 500 });
    return instance;
  }

  private async sent(name: string, to: string, message: Record<string, unknown>, messageType: string): Promise<SentMessage> {
    const instance = this.requireOpen(name);
    const externalId = `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
    const remoteJid = toJid(to);
    const timestamp = Math.floor(Date.now() / 1000);
    const key = { remoteJid, fromMe: true, id: externalId };
    await this.emit(name, 'send.message', {
      key,
      pushName: 'Você',
      status: 'PENDING',
      message,
      messageType,
      messageTimestamp: timestamp,
      instanceId: instance.instanceId,
      source: 'web',
    });
    for (const [step, status] of [[1, 'DELIVERY_ACK'], [2, 'READ']] as const) {
      this.later(this.deliveryDelayMs * step, () =>
        this.emit(name, 'messages.update', { keyId: externalId, remoteJid, fromMe: true, status, instanceId: instance.instanceId }),
      );
    }
    return { externalId, remoteJid, timestamp };
  }

  /** Simulates the phone scanning the QR: the line opens as `phoneNumber` (digits) or a made-up number. */
  async pair(name: string, phoneNumber?: string): Promise<void> {
    const instance = this.instance(name);
    instance.state = 'open';
    instance.ownJid = toJid(phoneNumber ?? `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
    instance.profileName = SANDBOX_PROFILE_NAME;
    await this.emit(name, 'connection.update', {
      instance: name,
      wuid: instance.ownJid,
      profileName: instance.profileName,
      profilePictureUrl: null,
      state: 'open',
      statusReason: 200,
    });
  }

  /** Simulates a customer writing to the line. */
  async inbound(name: string, from: string, text: string, pushName: string | null): Promise<string> {
    const instance = this.requireOpen(name);
    const externalId = randomBytes(16).toString('hex').toUpperCase();
    await this.emit(name, 'messages.upsert', {
      key: { remoteJid: toJid(from), fromMe: false, id: externalId, addressingMode: 'pn' },
      pushName: pushName ?? digits(from),
      status: 'DELIVERY_ACK',
      message: { conversation: text },
      messageType: 'conversation',
      messageTimestamp: Math.floor(Date.now() / 1000),
      instanceId: instance.instanceId,
      source: 'android',
    });
    return externalId;
  }

  async ping(): Promise<void> {}

  async createInstance(request: CreateInstanceRequest): Promise<CreatedInstance> {
    if (this.instances.has(request.instanceName)) {
      throw new GatewayError('NAME_IN_USE', `This name "${request.instanceName}" is already in use.`, { status: 403 });
    }
    const instance: SandboxInstance = {
      instanceId: randomUUID(),
      token: randomUUID().toUpperCase(),
      state: 'connecting',
      webhook: request.webhook,
      qrCount: 0,
      ownJid: null,
      profileName: null,
    };
    this.instances.set(request.instanceName, instance);
    await this.emit(request.instanceName, 'instance.create', { instanceName: request.instanceName, instanceId: instance.instanceId });
    const qr = request.qrcode ? await this.newQr(request.instanceName, request.number) : null;
    return { instanceId: instance.instanceId, token: instance.token, state: instance.state, qr };
  }

  async connect(instanceName: string, number?: string): Promise<ConnectResult> {
    const instance = this.instance(instanceName);
    if (instance.state === 'open') return { state: 'open' };
    instance.state = 'connecting';
    return { state: 'connecting', qr: await this.newQr(instanceName, number) };
  }

  async connectionState(instanceName: string): Promise<ConnectionState> {
    return this.instance(instanceName).state;
  }

  async fetchInstance(instanceName: string): Promise<RemoteInstance | null> {
    const instance = this.instances.get(instanceName);
    if (!instance) return null;
    return {
      instanceId: instance.instanceId,
      name: instanceName,
      state: instance.state,
      ownerJid: instance.ownJid,
      profileName: instance.profileName,
      number: instance.ownJid ? digits(instance.ownJid) : null,
    };
  }

  async restart(instanceName: string): Promise<void> {
    const instance = this.instance(instanceName);
    if (instance.state === 'close') throw new GatewayError('NOT_CONNECTED', 'The instance is not connected; connect it instead');
  }

  async logout(instanceName: string): Promise<void> {
    const instance = this.instance(instanceName);
    if (instance.state === 'close') {
      throw new GatewayError('NOT_CONNECTED', `The "${instanceName}" instance is not connected`, { status: 400 });
    }
    instance.state = 'close';
    await this.emit(instanceName, 'logout.instance', null);
    await this.emit(instanceName, 'connection.update', { instance: instanceName, state: 'close', statusReason: 401 });
  }

  async deleteInstance(instanceName: string): Promise<void> {
    this.instance(instanceName);
    this.instances.delete(instanceName);
  }

  async setWebhook(instanceName: string, webhook: WebhookConfig): Promise<void> {
    this.instance(instanceName).webhook = webhook;
  }

  async findWebhook(instanceName: string): Promise<(WebhookConfig & { enabled: boolean }) | null> {
    return { ...this.instance(instanceName).webhook, enabled: true };
  }

  sendText(instanceName: string, request: { to: string; text: string }): Promise<SentMessage> {
    return this.sent(instanceName, request.to, { conversation: request.text }, 'conversation');
  }

  sendMedia(instanceName: string, request: { to: string; mediaType: string; media: string; mimeType?: string; caption?: string; fileName?: string }): Promise<SentMessage> {
    const key = `${request.mediaType}Message`;
    return this.sent(instanceName, request.to, { [key]: { url: request.media, mimetype: request.mimeType, caption: request.caption, fileName: request.fileName } }, key);
  }

  sendWhatsAppAudio(instanceName: string, request: { to: string; audio: string }): Promise<SentMessage> {
    return this.sent(instanceName, request.to, { audioMessage: { url: request.audio, ptt: true } }, 'audioMessage');
  }

  sendLocation(instanceName: string, request: { to: string; latitude: number; longitude: number; name: string; address: string }): Promise<SentMessage> {
    const { latitude, longitude, name, address } = request;
    return this.sent(instanceName, request.to, { locationMessage: { degreesLatitude: latitude, degreesLongitude: longitude, name, address } }, 'locationMessage');
  }

  sendReaction(instanceName: string, request: { target: { externalId: string; remoteJid: string; fromMe: boolean }; emoji: string }): Promise<SentMessage> {
    const { target } = request;
    return this.sent(
      instanceName,
      target.remoteJid,
      { reactionMessage: { key: { id: target.externalId, remoteJid: target.remoteJid, fromMe: target.fromMe }, text: request.emoji } },
      'reactionMessage',
    );
  }

  async whatsappNumbers(instanceName: string, numbers: string[]): Promise<NumberCheck[]> {
    this.instance(instanceName);
    return numbers.map((number) => ({ number: digits(number), exists: true, jid: toJid(number), name: null, lid: null }));
  }

  async markMessageAsRead(instanceName: string): Promise<void> {
    this.requireOpen(instanceName);
  }

  async sendPresence(instanceName: string): Promise<void> {
    this.requireOpen(instanceName);
  }

  async findMessages(instanceName: string): Promise<StoredMessagePage> {
    this.instance(instanceName);
    return { total: 0, pages: 0, currentPage: 1, records: [] };
  }

  async fetchProfile(instanceName: string, number: string): Promise<ProfileInfo> {
    this.instance(instanceName);
    return { wuid: toJid(number), name: null, picture: null, status: null, isBusiness: false };
  }

  async updateProfileName(instanceName: string, name: string): Promise<void> {
    this.requireOpen(instanceName).profileName = name;
  }

  async updateProfileStatus(instanceName: string): Promise<void> {
    this.requireOpen(instanceName);
  }

  async updateProfilePicture(instanceName: string): Promise<void> {
    this.requireOpen(instanceName);
  }
}
