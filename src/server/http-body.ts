import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function payloadTooLarge(res: ServerResponse, limit: number): void {
  // The client may still be sending: close the connection rather than read the rest.
  sendJson(
    res,
    413,
    { errors: [{ message: `The request body exceeds ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { connection: 'close' },
  );
}

/** Reads the whole body, refusing at the first byte over the limit. Null when it was refused. */
export async function readBoundedBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    payloadTooLarge(res, limit);
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      payloadTooLarge(res, limit);
      req.resume();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
