import { describe, expect, it } from 'vitest';
import { type AccountChange, type AccountState, changesNothing, refuseAccountChange } from './users.rules.ts';

const admin: AccountState = { id: 1, email: 'a@nextseason.test', role: 'admin', disabled: false };
const editor: AccountState = { id: 2, email: 'e@nextseason.test', role: 'editor', disabled: false };
const disabledAdmin: AccountState = { ...admin, id: 3, disabled: true };

describe('what an admin may not do to an account', () => {
  it.each<[string, number | null, AccountState, AccountChange, number, string | null]>([
    ['disable oneself', 1, admin, { kind: 'disable' }, 5, 'You cannot disable your own account. Ask another admin.'],
    ['disable oneself, as an editor would', 2, editor, { kind: 'disable' }, 1, 'You cannot disable your own account. Ask another admin.'],
    ['disable the last admin', 9, admin, { kind: 'disable' }, 0, 'a@nextseason.test is the last admin. Make another account admin first.'],
    [
      'demote the last admin',
      1,
      admin,
      { kind: 'role', role: 'editor' },
      0,
      'a@nextseason.test is the last admin. Make another account admin first.',
    ],
    ['demote an admin while another remains', 1, admin, { kind: 'role', role: 'moderator' }, 1, null],
    ['disable an admin while another remains', 9, admin, { kind: 'disable' }, 1, null],
    ['keep the last admin an admin', 1, admin, { kind: 'role', role: 'admin' }, 0, null],
    ['demote a disabled admin when no other is left', 1, disabledAdmin, { kind: 'role', role: 'editor' }, 0, null],
    ['disable an editor with no admin left (the CLI)', null, editor, { kind: 'disable' }, 0, null],
    ['re-enable oneself', 2, { ...editor, disabled: true }, { kind: 'enable' }, 0, null],
  ])('%s', (_name, actorId, target, change, otherActiveAdmins, refusal) => {
    expect(refuseAccountChange({ actorId, target, change, otherActiveAdmins })).toBe(refusal);
  });

  it.each<[AccountState, AccountChange, boolean]>([
    [admin, { kind: 'role', role: 'admin' }, true],
    [admin, { kind: 'role', role: 'editor' }, false],
    [admin, { kind: 'enable' }, true],
    [admin, { kind: 'disable' }, false],
    [disabledAdmin, { kind: 'disable' }, true],
    [disabledAdmin, { kind: 'enable' }, false],
  ])('knows when a change changes nothing (%j, %j)', (target, change, nothing) => {
    expect(changesNothing(target, change)).toBe(nothing);
  });
});
