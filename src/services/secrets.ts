import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (Evolution API keys, instance tokens). Stored as
 * `v1:<iv>:<tag>:<ciphertext>` in base64url, so the format can change without ambiguity.
 */
export interface SecretCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
}

export class SecretDecryptionError extends Error {
  override name = 'SecretDecryptionError';
}

export function createSecretCipher(key: Buffer): SecretCipher {
  if (key.length !== 32) throw new Error('The encryption key must be 32 bytes');
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, ciphertext] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new SecretDecryptionError('Unknown secret format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SecretDecryptionError('The secret cannot be decrypted with this ENCRYPTION_KEY', { cause: error });
      }
    },
  };
}
