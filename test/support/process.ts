import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { freePort } from './ports.ts';

/** The repository root: the server is started from there, exactly as `npm start` would. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const READY_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 30_000;
/** Stop waits this long after the signal before it kills the process outright (and reports SIGKILL). */
const STOP_KILL_AFTER_MS = 20_000;

/**
 * The only variables a child inherits from the test runner: the server's configuration comes from
 * `SpawnOptions.env` alone, so a DATABASE_URL, REDIS_URL or any later config variable exported for
 * the test run never leaks into a process that is meant to run without it.
 */
const INHERITED_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'SYSTEMROOT',
  'COMSPEC',
  'PATHEXT',
  'WINDIR',
];

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the stop signal (or from spawning, for `waitForExit`) to the exit. */
  elapsedMs: number;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  graphqlUrl: string;
  wsUrl: string;
  dataDir: string;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** Polls /ready until it answers 200; fails early when the process exits first. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Waits for the process to exit by itself; kills it and fails after `timeoutMs`. */
  waitForExit(timeoutMs?: number): Promise<ExitResult>;
  /** Sends `signal` and waits for the exit; `elapsedMs` counts from the signal. */
  stop(signal?: NodeJS.Signals): Promise<ExitResult>;
  /** SIGKILL, and wait for it. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  /** Variables for the child on top of a clean environment; `undefined` leaves a variable unset. */
  env?: Record<string, string | undefined>;
  /** Defaults to a fresh temporary directory that `cleanupServers()` removes. */
  dataDir?: string;
}

const live = new Set<ServerProcess>();
const temporaryDirs = new Set<string>();

// A last resort when the test worker goes away without running afterAll.
process.once('exit', () => {
  for (const server of live) server.child.kill('SIGKILL');
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts `node --import tsx src/main.ts` on a free port without waiting for it to become ready. */
export async function spawnServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-process-'));
    temporaryDirs.add(dataDir);
  }
  const env: Record<string, string> = {};
  const wanted: Record<string, string | undefined> = {
    ...Object.fromEntries(INHERITED_VARIABLES.map((name) => [name, process.env[name]])),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    DATA_DIR: dataDir,
    ...options.env,
    PORT: String(port),
  };
  for (const [name, value] of Object.entries(wanted)) if (value !== undefined) env[name] = value;

  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  const exited = new Promise<NonNullable<typeof exit>>((resolve) => {
    // 'close' rather than 'exit': stdout and stderr are fully read by then.
    child.once('close', (code, signal) => {
      exit = { code, signal, at: Date.now() };
      live.delete(server);
      resolve(exit);
    });
  });
  child.once('error', (error) => {
    stderr += `\n[spawn error] ${error.message}\n`;
  });

  const describe = () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  const baseUrl = `http://127.0.0.1:${port}`;

  const waitUntilExit = async (timeoutMs: number): Promise<NonNullable<typeof exit> | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      exited,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return result;
  };

  const server: ServerProcess = {
    child,
    port,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    dataDir,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    get exited() {
      return exit !== undefined;
    },
    async waitForReady(timeoutMs = READY_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline) {
        if (exit) {
          throw new Error(`The server exited (code ${exit.code}, signal ${exit.signal}) before it was ready\n${describe()}`);
        }
        try {
          const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
          if (response.status === 200) return;
          last = `HTTP ${response.status}: ${await response.text()}`;
        } catch (error) {
          last = (error as Error).message;
        }
        await delay(100);
      }
      throw new Error(`The server was not ready within ${timeoutMs} ms (last: ${last})\n${describe()}`);
    },
    async waitForExit(timeoutMs = EXIT_TIMEOUT_MS) {
      const result = await waitUntilExit(timeoutMs);
      if (!result) {
        await server.kill();
        throw new Error(`The server did not exit within ${timeoutMs} ms; killed it\n${describe()}`);
      }
      return { code: result.code, signal: result.signal, elapsedMs: result.at - spawnedAt };
    },
    async stop(signal = 'SIGTERM') {
      if (exit) throw new Error(`The server had already exited (code ${exit.code})\n${describe()}`);
      const sentAt = Date.now();
      child.kill(signal);
      const result = (await waitUntilExit(STOP_KILL_AFTER_MS)) ?? (await server.kill(), await exited);
      return { code: result.code, signal: result.signal, elapsedMs: result.at - sentAt };
    },
    async kill() {
      if (exit) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  live.add(server);
  return server;
}

/** Spawns the server and waits until /ready answers 200; kills it and fails if it never does. */
export async function startServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const server = await spawnServer(options);
  try {
    await server.waitForReady();
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}

/** Kills every server still running and removes the data directories this module created. For afterAll. */
export async function cleanupServers(): Promise<void> {
  await Promise.all([...live].map((server) => server.kill()));
  await Promise.all([...temporaryDirs].map((dir) => rm(dir, { recursive: true, force: true })));
  temporaryDirs.clear();
}

/** An HS256 user token, signed the way any client holding JWT_SECRET would. */
export function signToken(secret: string, claims: { sub: string; email?: string }): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

export interface SocketClose {
  code: number;
  reason: string;
}

export interface LiveSubscription<Data> {
  client: Client;
  /** The next result, waiting at most `timeoutMs`; fails at once when the subscription has ended. */
  next(timeoutMs?: number): Promise<Result<Data>>;
  /** Skips results until one satisfies `predicate`, waiting at most `timeoutMs` in all. */
  nextMatching(predicate: (result: Result<Data>) => boolean, timeoutMs?: number): Promise<Result<Data>>;
  /**
   * graphql-ws never acknowledges a subscription, so the only proof that the server has set it up
   * is a delivered event: runs `trigger` (an action that publishes one) every `intervalMs` until a
   * result arrives, and returns that result.
   */
  untilLive(trigger: (attempt: number) => Promise<unknown>, options?: { timeoutMs?: number; intervalMs?: number }): Promise<Result<Data>>;
  /** Settles when the server ends the subscription: with the close event or error it ended with. */
  ended: Promise<{ error: unknown } | { completed: true }>;
  /** The first time the socket closed. */
  closed: Promise<SocketClose>;
  dispose(): Promise<void>;
}

export type Result<Data> = FormattedExecutionResult<Data, unknown>;

/** Opens a graphql-ws connection (no retries) authenticated with `token` and subscribes with a typed document. */
export function subscribe<Data, Variables extends Record<string, unknown>>(
  wsUrl: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  token: string,
): LiveSubscription<Data> {
  let onClosed!: (close: SocketClose) => void;
  const closed = new Promise<SocketClose>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        onClosed({ code, reason: String(reason) });
      },
    },
  });

  const results: Result<Data>[] = [];
  const waiters = new Set<{ deliver(result: Result<Data>): void; fail(error: Error): void }>();
  let outcome: { error: unknown } | { completed: true } | undefined;
  const endedError = () =>
    new Error(`The subscription ended: ${outcome && 'error' in outcome ? describeError(outcome.error) : 'completed'}`);
  let onEnded!: (value: { error: unknown } | { completed: true }) => void;
  const ended = new Promise<{ error: unknown } | { completed: true }>((resolve) => (onEnded = resolve));
  const end = (value: { error: unknown } | { completed: true }) => {
    outcome = value;
    onEnded(value);
    for (const waiter of waiters) waiter.fail(endedError());
  };
  const unsubscribe = client.subscribe<Data, unknown>(
    { query: print(document), variables },
    {
      next: (result) => {
        const [waiter] = waiters;
        if (waiter) waiter.deliver(result);
        else results.push(result);
      },
      error: (error) => end({ error }),
      complete: () => end({ completed: true }),
    },
  );

  const next = (timeoutMs = 10_000): Promise<Result<Data>> => {
    const queued = results.shift();
    if (queued) return Promise.resolve(queued);
    if (outcome) return Promise.reject(endedError());
    return new Promise((resolve, reject) => {
      const waiter = {
        deliver: (result: Result<Data>) => {
          settle();
          resolve(result);
        },
        fail: (error: Error) => {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(`No subscription result within ${timeoutMs} ms`)), timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
    });
  };

  return {
    client,
    ended,
    closed,
    next,
    async nextMatching(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`No matching subscription result within ${timeoutMs} ms`);
        const result = await next(remaining);
        if (predicate(result)) return result;
      }
    },
    async untilLive(trigger, { timeoutMs = 20_000, intervalMs = 500 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        await trigger(attempt);
        try {
          return await next(Math.min(intervalMs, Math.max(1, deadline - Date.now())));
        } catch (error) {
          if (outcome) throw error;
        }
      }
      throw new Error(`The subscription delivered nothing within ${timeoutMs} ms`);
    },
    dispose: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return JSON.stringify(error);
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `socket closed with ${String(code)} ${String(reason ?? '')}`.trim();
  }
  return String(error);
}
