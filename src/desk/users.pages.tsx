import type { User, UserListRow } from '../accounts/accounts.queries.ts';
import { MIN_PASSWORD_LENGTH } from '../accounts/passwords.ts';
import { ROLES } from '../accounts/user.input.ts';
import { AdminBar, Csrf, described, Field, FormProblems } from './admin.pages.tsx';

// The admins' list of accounts: who may use the desk, in which role, and a form to add one.

const ROLE_LABELS = { admin: 'Admin', editor: 'Editor', moderator: 'Moderator' } as const;
const ROLE_HINT = 'Editors change shows and events; moderators answer for comments; admins also manage users.';

const when = (at: string | null) => (at ? `${at.replace('T', ' ').slice(0, 16)} UTC` : 'never');

export function UsersPage(p: {
  user: User;
  csrf: string;
  users: UserListRow[];
  notice?: string | null;
  refusal?: string | null;
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const errors = p.errors ?? {};
  const v = (k: string) => p.values?.[k] ?? '';
  return (
    <>
      <AdminBar user={p.user} csrf={p.csrf} current="/admin/users" />
      <h1>Users</h1>
      {p.notice ? (
        <p role="status" class="notice">
          {p.notice}
        </p>
      ) : null}
      {p.refusal ? (
        <p role="alert" class="form-problems">
          {p.refusal}
        </p>
      ) : null}
      <table class="desk-table users">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Last signed in</th>
            <th scope="col">Access</th>
          </tr>
        </thead>
        <tbody>
          {p.users.map((u) => {
            const self = u.id === p.user.id;
            return (
              <tr id={`user-${u.id}`} class={u.disabled_at ? 'is-disabled' : undefined}>
                <th scope="row" data-label="User">
                  {u.name}
                  {self ? <span class="meta"> (you)</span> : null}
                  <br />
                  <span class="meta">{u.email}</span>
                </th>
                <td data-label="Role">
                  <form method="post" action={`/admin/users/${u.id}/role`} class="row-form">
                    <Csrf token={p.csrf} />
                    <label for={`role-${u.id}`} class="visually-hidden">
                      Role of {u.email}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((r) => (
                        <option value={r} selected={u.role === r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary" aria-label={`Save the role of ${u.email}`}>
                      Save
                    </button>
                  </form>
                </td>
                <td data-label="Last signed in">{when(u.last_login)}</td>
                <td data-label="Access">
                  {u.disabled_at ? <span class="badge-off">Disabled {u.disabled_at.slice(0, 10)}</span> : <span>Active</span>}{' '}
                  {self ? null : (
                    <form method="post" action={`/admin/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}`} class="inline">
                      <Csrf token={p.csrf} />
                      <button
                        type="submit"
                        class={u.disabled_at ? 'secondary' : 'danger'}
                        aria-label={`${u.disabled_at ? 'Re-enable' : 'Disable'} ${u.email}`}
                      >
                        {u.disabled_at ? 'Re-enable' : 'Disable'}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="meta">Disabling an account ends its sessions at once; its changes stay in the audit log.</p>
      <h2>Add a user</h2>
      <FormProblems errors={errors} />
      <form method="post" action="/admin/users" class="desk-form">
        <Csrf token={p.csrf} />
        <div class="fields">
          <Field name="email" label="Email" errors={errors}>
            <input id="email" name="email" type="email" autocomplete="off" required value={v('email')} {...described('email', errors)} />
          </Field>
          <Field name="name" label="Name" errors={errors}>
            <input id="name" name="name" autocomplete="off" required value={v('name')} {...described('name', errors)} />
          </Field>
          <Field name="role" label="Role" hint={ROLE_HINT} errors={errors}>
            <select id="role" name="role" {...described('role', errors, true)}>
              {ROLES.map((r) => (
                <option value={r} selected={(v('role') || 'editor') === r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="password"
            label="Initial password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters; give it to them in person`}
            errors={errors}
          >
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minlength={MIN_PASSWORD_LENGTH}
              {...described('password', errors, true)}
            />
          </Field>
        </div>
        <p class="actions">
          <button type="submit">Add user</button>
        </p>
      </form>
    </>
  );
}
