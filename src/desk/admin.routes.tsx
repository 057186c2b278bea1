import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  admitLoginAttempt,
  createSession,
  endSession,
  findLogin,
  forgetLoginAttempt,
  listAudit,
  SESSION_DAYS,
  sameToken,
} from '../accounts/accounts.queries.ts';
import { afterLogin } from '../accounts/login.rules.ts';
import { checkLoginPassword } from '../accounts/passwords.ts';
import type { AppDeps } from '../app.types.ts';
import { factsInput, updateShowFacts } from '../catalog/show.facts.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { getShowBySlug, listShows, type ShowRow, slugOfShow } from '../catalog/shows.queries.ts';
import { partialDateToString } from '../lang/dates.ts';
import { validateEvent } from '../status/event.input.ts';
import { type EventRow, findLiveEvent, latestEvents, listShowEvents } from '../status/events.queries.ts';
import { addEvent, retractEvent, updateEvent } from '../status/events.writes.ts';
import { clientAddress } from '../web/client.ts';
import { errorsByField, idParam, isPlainLine } from '../web/fields.ts';
import { readForm } from '../web/form.ts';
import { AuditPage, DeskPage, EditEventPage, LoginPage, ShowDeskPage } from './admin.pages.tsx';
import { type AdminEnv, signedIn } from './auth.middleware.ts';
import { adminPage, formValues } from './desk.page.tsx';

const LOGIN_CSRF = 'ns_login_csrf';
type C = Context<AdminEnv>;

function factValues(show: ShowRow): Record<string, string | null> {
  return {
    title: show.title,
    original_title: show.originalTitle,
    synopsis: show.synopsis,
    basis: show.basis,
    official_site: show.officialSite,
    verified_on: show.verifiedOn,
  };
}

function eventValues(e: EventRow): Record<string, string> {
  return {
    kind: e.kind,
    season: e.season === null ? '' : String(e.season),
    date: partialDateToString(e.effective) ?? '',
    announced: e.announced ? (partialDateToString(e.announced) ?? '') : '',
    tier: e.tier,
    source_url: e.source?.url ?? '',
    outlet: e.source?.outlet ?? '',
    quote: e.quote ?? '',
    notes: e.notes ?? '',
  };
}

export function adminPages({ db, now, siteUrl, trustProxy, alerts }: AppDeps) {
  const secure = siteUrl.startsWith('https:');
  const liveEvent = async (param: string | undefined) => {
    const id = idParam(param);
    const found = id ? await findLiveEvent(db.kysely, id) : null;
    if (!found) return null;
    return { show: (await getShowBySlug(db.kysely, found.showSlug)) as ShowRow, event: found.event };
  };

  // A path that cannot be a slug names no show, on either engine.
  const deskShow = async (c: C) => {
    const slug = slugParam.safeParse(c.req.param('slug'));
    return slug.success ? getShowBySlug(db.kysely, slug.data) : null;
  };

  return {
    // GET /admin/login
    loginForm(c: C) {
      const csrf = randomBytes(24).toString('base64url');
      setCookie(c, LOGIN_CSRF, csrf, { httpOnly: true, sameSite: 'Lax', secure, path: '/admin' });
      return adminPage(c, 'Log in', <LoginPage email="" next={afterLogin(c.req.query('next'))} csrf={csrf} />);
    },

    // POST /admin/login
    async login(c: C) {
      const body = await readForm(c);
      const field = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const email = field('email').trim().toLowerCase();
      const next = afterLogin(field('next'));
      const cookie = getCookie(c, LOGIN_CSRF) ?? '';
      const again = (error: string, status: 400 | 401 | 403 | 429) => {
        const csrf = randomBytes(24).toString('base64url');
        setCookie(c, LOGIN_CSRF, csrf, { httpOnly: true, sameSite: 'Lax', secure, path: '/admin' });
        return adminPage(c, 'Log in', <LoginPage email={email} next={next} csrf={csrf} error={error} />, status);
      };
      if (!cookie || !field('_csrf') || !sameToken(cookie, field('_csrf'))) return again('The form had expired. Please try again.', 403);
      if (!email || !field('password')) return again('Enter your email and password.', 400);
      if (!isPlainLine(email) || email.length > 254) return again('Enter the email address you log in with.', 400);
      const ip = clientAddress(c, trustProxy);
      const t = now();
      // Counted and recorded before the password is checked, so parallel attempts cannot slip past the limit.
      const attempt = await admitLoginAttempt(db, email, ip, t);
      if (!attempt.allowed) {
        c.header('retry-after', String(attempt.retryAfterSeconds));
        return again(`Too many failed attempts. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minutes.`, 429);
      }
      const user = await findLogin(db.kysely, email);
      // The same check whether or not the account exists.
      if (!(await checkLoginPassword(user?.password_hash ?? null, field('password'))) || !user) {
        return again('Wrong email or password.', 401);
      }
      await forgetLoginAttempt(db.kysely, attempt.attemptId);
      const session = await createSession(db.kysely, user.id, ip, t);
      setCookie(c, 'ns_session', session.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: SESSION_DAYS * 86_400 });
      deleteCookie(c, LOGIN_CSRF, { path: '/admin' });
      return c.redirect(next, 303);
    },

    // POST /admin/logout
    async logout(c: C) {
      const token = getCookie(c, 'ns_session');
      if (token) await endSession(db.kysely, token, now());
      deleteCookie(c, 'ns_session', { path: '/' });
      return c.redirect('/admin/login', 303);
    },

    // GET /admin
    async desk(c: C) {
      const { user, csrf } = signedIn(c);
      if (user.role === 'moderator') return c.redirect('/admin/comments', 303);
      const query = (c.req.query('q') ?? '').slice(0, 200);
      const shows = query ? (await listShows(db.kysely, db.engine, { q: query, limit: 20, offset: 0 })).items : [];
      const rows = await latestEvents(db.kysely);
      return adminPage(c, 'Desk', <DeskPage user={user} csrf={csrf} query={query} shows={shows} events={rows} />);
    },

    // GET /admin/shows/:slug
    async show(c: C) {
      const { user, csrf } = signedIn(c);
      const show = await deskShow(c);
      if (!show) return adminPage(c, 'Not found', <h1>No such show</h1>, 404);
      const events = await listShowEvents(db.kysely, show.id);
      return adminPage(
        c,
        show.title,
        <ShowDeskPage
          user={user}
          csrf={csrf}
          show={show}
          events={events}
          errors={{}}
          values={{}}
          saved={c.req.query('saved') === '1'}
          facts={{ values: factValues(show), errors: {} }}
        />,
      );
    },

    // POST /admin/shows/:slug/events
    async addEvent(c: C) {
      const { user, csrf } = signedIn(c);
      const show = await deskShow(c);
      if (!show) return adminPage(c, 'Not found', <h1>No such show</h1>, 404);
      const values = await formValues(c);
      const checked = validateEvent(values);
      if (!checked.ok) {
        const events = await listShowEvents(db.kysely, show.id);
        return adminPage(
          c,
          show.title,
          <ShowDeskPage
            user={user}
            csrf={csrf}
            show={show}
            events={events}
            errors={checked.errors}
            values={values}
            facts={{ values: factValues(show), errors: {} }}
          />,
          400,
        );
      }
      await addEvent(db.kysely, show.id, checked.data, user, now());
      alerts?.poke();
      return c.redirect(`/admin/shows/${show.slug}?saved=1`, 303);
    },

    // POST /admin/shows/:slug/facts
    async editFacts(c: C) {
      const { user, csrf } = signedIn(c);
      const show = await deskShow(c);
      if (!show) return adminPage(c, 'Not found', <h1>No such show</h1>, 404);
      const values = await formValues(c);
      const parsed = factsInput.safeParse(values);
      if (!parsed.success) {
        const events = await listShowEvents(db.kysely, show.id);
        const facts = { values, errors: errorsByField(parsed.error) };
        return adminPage(
          c,
          show.title,
          <ShowDeskPage user={user} csrf={csrf} show={show} events={events} errors={{}} values={{}} facts={facts} />,
          400,
        );
      }
      await updateShowFacts(db.kysely, show.id, parsed.data, user, now());
      return c.redirect(`/admin/shows/${show.slug}?saved=1`, 303);
    },

    // GET /admin/events/:id/edit
    async editEventForm(c: C) {
      const { user, csrf } = signedIn(c);
      const found = await liveEvent(c.req.param('id'));
      if (!found) return adminPage(c, 'Not found', <h1>No such event</h1>, 404);
      return adminPage(
        c,
        'Edit event',
        <EditEventPage user={user} csrf={csrf} show={found.show} eventId={found.event.id} errors={{}} values={eventValues(found.event)} />,
      );
    },

    // POST /admin/events/:id
    async editEvent(c: C) {
      const { user, csrf } = signedIn(c);
      const found = await liveEvent(c.req.param('id'));
      if (!found) return adminPage(c, 'Not found', <h1>No such event</h1>, 404);
      const values = await formValues(c);
      const checked = validateEvent(values);
      if (!checked.ok) {
        return adminPage(
          c,
          'Edit event',
          <EditEventPage user={user} csrf={csrf} show={found.show} eventId={found.event.id} errors={checked.errors} values={values} />,
          400,
        );
      }
      await updateEvent(db.kysely, found.event.id, checked.data, user, now());
      alerts?.poke();
      return c.redirect(`/admin/shows/${found.show.slug}?saved=1`, 303);
    },

    // POST /admin/events/:id/retract
    async retract(c: C) {
      const { user } = signedIn(c);
      const id = idParam(c.req.param('id'));
      const result = id ? await retractEvent(db.kysely, id, user, now()) : null;
      if (result) alerts?.poke();
      if (!result) return adminPage(c, 'Not found', <h1>No such event</h1>, 404);
      return c.redirect(`/admin/shows/${await slugOfShow(db.kysely, result.showId)}?saved=1`, 303);
    },

    // GET /admin/audit
    async audit(c: C) {
      const { user, csrf } = signedIn(c);
      return adminPage(c, 'Audit log', <AuditPage user={user} csrf={csrf} entries={await listAudit(db.kysely)} />);
    },
  };
}
