// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database under DATA_DIR).
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/services/db/database.ts';

const config = loadConfig();
const database = await openDatabase(config);
await database.close();
const applied = database.appliedMigrations;
process.stdout.write(
  `${database.kind}: ${applied.length === 0 ? 'no pending migrations' : `applied ${applied.join(', ')}`}\n`,
);
