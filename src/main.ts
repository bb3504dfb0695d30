import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createApp } from './server/app.ts';
import { DatabaseUnavailableError } from './services/db/database.ts';
import { MigrationError } from './services/db/migrator.ts';
import { RedisUnavailableError } from './services/events/event-bus.ts';

const EXPECTED_STARTUP_ERRORS = [ConfigError, DatabaseUnavailableError, RedisUnavailableError, MigrationError];

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await createApp(config, log);
  const port = await app.listen(config.port);
  const base = `http://localhost:${port}`;
  log.info({ port, version: config.version, modes: app.modes() }, 'Switchboard is listening');

  const banner = [`Switchboard ${config.version} on ${base}`, `  modes: ${JSON.stringify(app.modes())}`];
  if (!config.production) banner.push(`  GraphiQL: ${base}/graphql`);
  if (app.generatedJwtSecret) {
    const token = await app.signToken({ sub: 'local-admin', name: 'Local admin', role: 'admin' }, '30d');
    banner.push(
      `  JWT_SECRET is not set: a generated one is kept in ${config.dataDir}/jwt-secret`,
      `  Admin token (30 days): ${token}`,
      `  Try: curl -s ${base}/graphql -H 'content-type: application/json' -H 'authorization: Bearer <token>' -d '{"query":"{ viewer { userId isAdmin } }"}'`,
    );
  }
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forced.unref();
    app.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const expected = EXPECTED_STARTUP_ERRORS.some((type) => error instanceof type);
  process.stderr.write(`Switchboard could not start: ${expected ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(1);
});
