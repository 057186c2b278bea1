import { z } from 'zod';
import type { Role } from '../db/schema.ts';
import { errorsByField, lineField } from '../web/fields.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

// A new account as an admin enters it on the desk, and a change of role: checked field by field.

export const ROLES: readonly Role[] = ['admin', 'editor', 'moderator'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PASSWORD = 1000;

const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });

export const newUserInput = z.object({
  email: z
    .string({ message: 'is required' })
    .trim()
    .toLowerCase()
    .min(1, 'is required')
    .max(254, 'must be at most 254 characters')
    .regex(EMAIL, 'must be an email address such as ana@example.com'),
  name: lineField(100).pipe(z.string().min(1, 'is required')),
  role,
  password: z
    .string({ message: 'is required' })
    .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD, `must be at most ${MAX_PASSWORD} characters`),
});

export type NewUser = z.infer<typeof newUserInput>;

export const roleInput = z.object({ role });

type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

function check<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): Checked<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: errorsByField(parsed.error) };
}

/** The new account, or one message per field. */
export const validateNewUser = (raw: Record<string, unknown>) => check(newUserInput, raw);

/** The role asked for, or a message naming the field. */
export const validateRole = (raw: Record<string, unknown>) => check(roleInput, raw);
