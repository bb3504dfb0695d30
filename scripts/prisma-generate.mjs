// `prisma generate` needs no schema engine, but the CLI tries to download one when none is found and
// fails offline. Pointing it at any existing file skips the download; a machine with a real engine
// configured keeps using it.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/bin/false';
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
