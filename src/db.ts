import type { PrismaClient } from './generated/prisma/client.ts';

let client: PrismaClient | undefined;

/** The process's Prisma client, set once the database is open and migrated. */
export function db(): PrismaClient {
  if (!client) throw new Error('The database is not open yet');
  return client;
}

export function setDb(next: PrismaClient | undefined): void {
  client = next;
}

export type { PrismaClient };
