import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { loadOrCreateSecretFile, randomSecret } from '../secret-files.ts';
import type { UserViewer } from './viewer.ts';

const CLOCK_TOLERANCE_SECONDS = 30;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Verifies an HS256 user token; the message says why it was refused, never what it contained. */
export async function verifyUserToken(token: string, secret: string): Promise<UserViewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired');
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new InvalidTokenError('The token signature is invalid');
    }
    throw new InvalidTokenError('The token is malformed or not acceptable');
  }
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new InvalidTokenError('The token has no subject (sub)');
  }
  return {
    kind: 'user',
    userId: payload.sub,
    email: typeof payload.email === 'string' ? payload.email : null,
    name: typeof payload.name === 'string' ? payload.name : null,
    isAdmin: payload.role === 'admin',
  };
}

export interface TokenClaims {
  sub: string;
  email?: string;
  name?: string;
  role?: 'admin';
}

export function signUserToken(claims: TokenClaims, secret: string, expiresIn: string | number = '1h'): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
}

/** Outside production a missing JWT_SECRET is generated once and kept under DATA_DIR. */
export function loadOrCreateJwtSecret(dataDir: string): Promise<string> {
  return loadOrCreateSecretFile(dataDir, 'jwt-secret', () => randomSecret(48));
}
