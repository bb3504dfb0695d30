import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite would resolve `graphql` to its .mjs build for our files while Pothos and Yoga load the
  // CommonJS one: two copies of graphql in one process ("Duplicate graphql modules").
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
