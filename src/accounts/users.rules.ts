import type { Role } from '../db/schema.ts';

// What an admin may not do to an account: lock themselves out, or leave the desk without an admin.

export type AccountChange = { kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' };

export interface AccountState {
  id: number;
  email: string;
  role: Role;
  disabled: boolean;
}

/** Why the change is refused, in words for the admin; null when it may go ahead. */
export function refuseAccountChange({
  actorId,
  target,
  change,
  otherActiveAdmins,
}: {
  actorId: number | null;
  target: AccountState;
  change: AccountChange;
  /** Admins not disabled, other than the target. */
  otherActiveAdmins: number;
}): string | null {
  if (change.kind === 'disable' && target.id === actorId) return 'You cannot disable your own account. Ask another admin.';
  const removesAdmin =
    target.role === 'admin' && !target.disabled && (change.kind === 'disable' || (change.kind === 'role' && change.role !== 'admin'));
  if (removesAdmin && otherActiveAdmins === 0) return `${target.email} is the last admin. Make another account admin first.`;
  return null;
}

/** Whether the change would leave the account as it is. */
export function changesNothing(target: AccountState, change: AccountChange): boolean {
  if (change.kind === 'role') return target.role === change.role;
  return change.kind === 'disable' ? target.disabled : !target.disabled;
}
