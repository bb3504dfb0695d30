import { defineConfig } from 'prisma/config';

// The app applies prisma/migrations with its own migrator (src/services/db/migrator.ts); this file
// keeps `prisma generate` and, on machines with the native engine, `prisma migrate deploy` working.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/switchboard' },
});
