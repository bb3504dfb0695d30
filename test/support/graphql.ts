import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';

export interface GraphqlResponse<Data> {
  status: number;
  headers: Headers;
  body: ExecutionResult<Data>;
}

export type Credentials = { token?: string; apiKey?: string; headers?: Record<string, string> };

/** Posts a typed operation to a running server over real HTTP. */
export async function execute<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  credentials: Credentials = {},
): Promise<GraphqlResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...credentials.headers };
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ExecutionResult<Data> };
}

/** Like `execute`, but fails the test unless the response has data and no errors. */
export async function executeOk<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  credentials: Credentials = {},
): Promise<Data> {
  const { status, body } = await execute(url, document, variables, credentials);
  if (status !== 200 || body.errors || !body.data) {
    throw new Error(`Expected data, got HTTP ${status}: ${JSON.stringify(body)}`);
  }
  return body.data;
}

/** Posts a raw query string, for requests a typed document cannot express (bombs, malformed input). */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
