import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline for password storage.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A stand-in hash with the same parameters, made once per process: a login for an unknown account runs
// the same check as one for a known account, so the answer's timing does not tell which accounts exist.
let standIn: Promise<string> | undefined;

/** The password checked against the account's hash, or against the stand-in when there is no such account. */
export async function checkLoginPassword(stored: string | null, password: string): Promise<boolean> {
  standIn ??= hash(randomBytes(32).toString('base64url'));
  const ok = await verifyPassword(stored ?? (await standIn), password);
  return stored !== null && ok;
}

export const MIN_PASSWORD_LENGTH = 12;
