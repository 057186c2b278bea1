import { z } from 'zod';

// What a client may send, checked at the edge so both engines see only what they can store: row ids in
// PostgreSQL's `integer` range, and text without control characters (PostgreSQL refuses NUL outright).

/** The largest id an `integer` column holds (2³¹−1). */
export const MAX_ID = 2_147_483_647;

/** A row id as sent in a path or form: plain digits, 1 to 2³¹−1 ("1e20", "0x1f", " 1", "01" and "2147483648" are not ids). */
export const idField = (message = 'must be a whole number from 1 to 2147483647') =>
  z
    .string({ message })
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number)
    .pipe(z.number().max(MAX_ID, message));

const ID = idField();

/** The id a path segment names, or null when it cannot name any row (the route answers 404). */
export function idParam(value: string | undefined): number | null {
  const parsed = ID.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Every C0 and C1 control character (NUL, CR, LF, ESC, DEL…); multi-line text keeps tab and newline.
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_TEXT = /(?![\t\n])\p{Cc}/u;
export const CONTROL_MESSAGE = 'must not contain control characters';

/** True when the text holds no control character at all. */
export const isPlainLine = (text: string) => !CONTROL.test(text);

/** A one-line text field: trimmed, at most `max` characters, no control characters. */
export const lineField = (max: number, tooLong = `must be at most ${max} characters`) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((s) => !CONTROL.test(s), CONTROL_MESSAGE);

/** Multi-line text: newlines as \n (a browser sends CR LF), tab and newline allowed, no other control characters. */
export const textField = (max: number, tooLong = `must be at most ${max} characters`) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((s) => !CONTROL_IN_TEXT.test(s), CONTROL_MESSAGE),
    );

export interface FieldError {
  field: string;
  message: string;
}

/** Every problem with an input, named by the field as the client sent it; `whole` names one with the input as a whole. */
export function fieldErrors(error: z.ZodError, whole = 'form'): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || whole, message: i.message }));
}

/** The first problem with each field, for a form that marks its fields. */
export function errorsByField(error: z.ZodError, whole = 'form'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldErrors(error, whole)) out[e.field] ??= e.message;
  return out;
}

/** Every problem on one line: "q: too long; page: must be a number". */
export const errorLine = (error: z.ZodError, whole = 'form') =>
  fieldErrors(error, whole)
    .map((e) => `${e.field}: ${e.message}`)
    .join('; ');
