import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server.stop());

// The GraphQL-over-HTTP spec audits, run against the real server's URL: every one must pass,
// including the SHOULD and MAY ones (anything but `ok` fails with the audit's reason).
describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  for (const audit of serverAudits({ url: () => server.url, fetchFn: fetch })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        let body = '';
        try {
          body = await result.response.clone().text();
        } catch {
          body = '(body unreadable)';
        }
        throw new Error(`[${result.status}] ${result.reason} (HTTP ${result.response.status}; body: ${body.slice(0, 500)})`);
      }
    });
  }
});
