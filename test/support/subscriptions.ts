import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<Data> {
  /** Resolves with the next event (or rejects with the subscription's error / after `timeoutMs`). */
  next(timeoutMs?: number): Promise<ExecutionResult<Data>>;
  close(): Promise<void>;
}

/** A graphql-ws client over a real socket; resolves once the server acknowledged the connection. */
export async function connectWs(url: string, connectionParams: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams,
      on: {
        connected: () => resolve(client),
        closed: (event) => reject(Object.assign(new Error(`closed ${(event as CloseEvent).code}`), { code: (event as CloseEvent).code })),
      },
    });
  });
}

/** Queues events from a subscription so a test can await them one by one. */
export function subscribe<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Subscription<Data> {
  const events: ExecutionResult<Data>[] = [];
  const waiters: { resolve: (event: ExecutionResult<Data>) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  const dispose = client.subscribe<Data>(
    { query: print(document), variables },
    {
      next: (event) => {
        const waiter = waiters.shift();
        if (waiter) waiter.resolve(event as ExecutionResult<Data>);
        else events.push(event as ExecutionResult<Data>);
      },
      error: (error) => {
        failure = error;
        for (const waiter of waiters.splice(0)) waiter.reject(error);
      },
      complete: () => {},
    },
  );
  return {
    next: (timeoutMs = 5_000) => {
      const queued = events.shift();
      if (queued) return Promise.resolve(queued);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const waiter = {
          resolve: (event: ExecutionResult<Data>) => {
            clearTimeout(timer);
            resolve(event);
          },
          reject: (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        // A waiter that timed out must leave the queue, or it would swallow the next event.
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: async () => dispose(),
  };
}

/**
 * graphql-ws has no "subscribed" acknowledgement, so a trigger fired right after subscribing may
 * come before the server listens. Fire it until the first event arrives (bounded).
 */
export async function triggerUntilEvent<Data>(subscription: Subscription<Data>, trigger: () => Promise<unknown>, attempts = 10): Promise<ExecutionResult<Data>> {
  for (let attempt = 1; ; attempt += 1) {
    await trigger();
    try {
      return await subscription.next(1_000);
    } catch (error) {
      if (attempt >= attempts || !(error instanceof Error) || !error.message.startsWith('no event')) throw error;
    }
  }
}
