import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as prismaEnums from '../../src/generated/prisma/enums.ts';
import { getDatamodel } from '../../src/generated/pothos-types.ts';
import { migrate } from '../../src/services/db/migrator.ts';
import { pgliteSession, postgresSession, type SqlSession } from '../../src/services/db/sql-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
}

interface DmmfModel {
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueIndexes: { fields: string[] }[];
}

const models = (getDatamodel() as unknown as { datamodel: { models: Record<string, DmmfModel> } }).datamodel.models;

// How `prisma migrate` maps each Prisma scalar on PostgreSQL (information_schema.udt_name).
const SCALAR_UDT: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Decimal: 'numeric',
  Bytes: 'bytea',
};

interface ColumnRow extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

let session: SqlSession;
let cleanup: () => Promise<void>;
let columns: ColumnRow[];

beforeAll(async () => {
  const database: TestDatabase = await createTestDatabase();
  if (database.url) {
    session = await postgresSession(database.url);
    cleanup = async () => {
      await session.close();
      await database.drop();
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'switchboard-agreement-'));
    const pglite = await PGlite.create(dir);
    session = pgliteSession(pglite);
    cleanup = async () => {
      await pglite.close();
      await rm(dir, { recursive: true, force: true });
    };
  }
  await migrate(session);
  columns = await session.query<ColumnRow>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
});
afterAll(() => cleanup());

describe('schema.prisma and prisma/migrations agree', () => {
  it('every table in the database is a model, and every model is a table', async () => {
    const tables = [...new Set(columns.map((column) => column.table_name))].sort();
    expect(tables).toEqual(Object.keys(models).sort());
  });

  it.each(Object.entries(models))('%s: every scalar field is a column of the right type and nullability, and nothing else', (name, model) => {
    const tableColumns = columns.filter((column) => column.table_name === name);
    const scalarFields = model.fields.filter((field) => field.kind !== 'object');
    expect(tableColumns.map((column) => column.column_name).sort()).toEqual(scalarFields.map((field) => field.name).sort());
    for (const field of scalarFields) {
      const column = tableColumns.find((candidate) => candidate.column_name === field.name)!;
      const baseType = field.kind === 'enum' ? field.type : SCALAR_UDT[field.type];
      expect({ field: field.name, type: column.udt_name }).toEqual({ field: field.name, type: field.isList ? `_${baseType}` : baseType });
      if (!field.isList) {
        expect({ field: field.name, nullable: column.is_nullable }).toEqual({ field: field.name, nullable: field.isRequired ? 'NO' : 'YES' });
      }
    }
  });

  it.each(Object.entries(models))('%s: the primary key and every unique constraint exist', async (name, model) => {
    const indexes = await session.query<{ columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns, i.indisunique AS unique, i.indisprimary AS primary
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relname = $1 AND t.relnamespace = current_schema()::regnamespace
         -- Partial unique indexes (WHERE …) cannot be expressed in schema.prisma; they are extra rules.
         AND i.indpred IS NULL
       GROUP BY i.indexrelid, i.indisunique, i.indisprimary`,
      [name],
    );
    const idFields = model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
    expect(indexes.filter((index) => index.primary).map((index) => index.columns)).toEqual([idFields]);
    const expectedUnique = [
      ...model.fields.filter((field) => field.isUnique).map((field) => [field.name]),
      ...model.uniqueIndexes.map((index) => index.fields),
    ];
    const actualUnique = indexes.filter((index) => index.unique && !index.primary).map((index) => index.columns);
    expect(actualUnique.map((cols) => cols.join(',')).sort()).toEqual(expectedUnique.map((cols) => cols.join(',')).sort());
  });

  it('every Prisma enum exists with the same values in the same order', async () => {
    const rows = await session.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`,
    );
    const expected = Object.entries(prismaEnums)
      .filter(([, value]) => typeof value === 'object' && value !== null)
      .map(([name, value]) => ({ name, values: Object.values(value as Record<string, string>) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
