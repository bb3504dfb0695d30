import { readFile } from 'node:fs/promises';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';

function undocumented(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('the public schema', () => {
  it('documents every type, field, argument and enum value', () => {
    expect(undocumented()).toEqual([]);
  });

  it('matches the committed schema.graphql (run `npm run schema:print` after changing it)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('returns every mutation as a result union whose errors implement UserError', () => {
    const userError = schema.getType('UserError');
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      expect(field.args.map((arg) => arg.name)).toEqual(['input']);
      const result = schema.getType(field.type.toString().replace(/!$/, ''));
      expect(result?.astNode ?? result).toBeTruthy();
      const members = result && 'getTypes' in result ? result.getTypes() : [];
      expect(members.map((member) => member.name)).toContain(`${field.name[0]!.toUpperCase()}${field.name.slice(1)}Payload`);
      for (const member of members.filter((candidate) => candidate.name.endsWith('Error'))) {
        expect(member.getInterfaces()).toContain(userError);
      }
    }
  });
});
