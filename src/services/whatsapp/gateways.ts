import { db } from '../../db.ts';
import type { EvolutionServer } from '../../generated/prisma/client.ts';
import type { SecretCipher } from '../secrets.ts';
import { EvolutionClient } from './evolution-client.ts';
import type { WhatsAppGateway } from './gateway.ts';
import type { SandboxGateway } from './sandbox-gateway.ts';

export type WhatsAppMode = 'sandbox' | 'evolution';

type ServerCredentials = Pick<EvolutionServer, 'id' | 'url' | 'apiKeyEncrypted' | 'updatedAt'>;

/**
 * Which engine serves which instance: an instance placed on an Evolution server talks to that
 * server; an instance without one lives in the sandbox. The platform is in sandbox mode only while
 * no Evolution server is registered at all — then sandbox-only mutations work.
 */
export class GatewayRegistry {
  private readonly clients = new Map<string, { stamp: number; client: EvolutionClient }>();
  private currentMode: WhatsAppMode = 'sandbox';

  constructor(
    readonly sandbox: SandboxGateway,
    private readonly cipher: SecretCipher,
    private readonly timeoutMs: number,
  ) {}

  get mode(): WhatsAppMode {
    return this.currentMode;
  }

  async refreshMode(): Promise<WhatsAppMode> {
    this.currentMode = (await db().evolutionServer.count()) > 0 ? 'evolution' : 'sandbox';
    return this.currentMode;
  }

  /** A client for one server, rebuilt when the server's row (URL, key) changed. */
  forServer(server: ServerCredentials): WhatsAppGateway {
    const stamp = server.updatedAt.getTime();
    const cached = this.clients.get(server.id);
    if (cached && cached.stamp === stamp) return cached.client;
    const client = new EvolutionClient({ baseUrl: server.url, apiKey: this.cipher.decrypt(server.apiKeyEncrypted), timeoutMs: this.timeoutMs });
    this.clients.set(server.id, { stamp, client });
    return client;
  }

  async forInstance(instance: { serverId: string | null }): Promise<WhatsAppGateway> {
    if (!instance.serverId) return this.sandbox;
    const server = await db().evolutionServer.findUniqueOrThrow({
      where: { id: instance.serverId },
      select: { id: true, url: true, apiKeyEncrypted: true, updatedAt: true },
    });
    return this.forServer(server);
  }

  close(): void {
    this.sandbox.close();
  }
}
