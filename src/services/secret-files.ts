import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Outside production a missing secret (JWT_SECRET, ENCRYPTION_KEY) is generated once and kept under
 * DATA_DIR with mode 0600, so restarts keep tokens and encrypted rows valid.
 */
export async function loadOrCreateSecretFile(dataDir: string, fileName: string, create: () => string): Promise<string> {
  const file = path.resolve(dataDir, fileName);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length > 0) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = create();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
