import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema is code-first; schema.graphql is its printed artifact (npm run schema:print).
// Test operations in test/operations/*.graphql become typed documents in test/generated/.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/operations/**/*.graphql'],
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
};

export default config;
