// @ts-check
// The comment forms work without this script; with it, posting and reporting do not reload the page.
(() => {
  /** @typedef {{ ok: boolean, message: string, errors?: Record<string, string>, token?: string, html?: string, parent?: number | null }} PostResult */

  /** @typedef {HTMLFormElement & { tokenRequest?: Promise<void> }} TokenForm */

  /** @param {HTMLFormElement} form @param {string} name */
  const field = (form, name) => /** @type {HTMLInputElement | HTMLTextAreaElement | null} */ (form.elements.namedItem(name));

  /** @param {string} text */
  const say = (text) => {
    const status = document.getElementById('form-status');
    if (status) status.textContent = text;
  };

  /** @param {HTMLFormElement} form @returns {Promise<PostResult>} */
  const send = async (form) => {
    const response = await fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    return response.json();
  };

  /** @param {HTMLFormElement} form */
  const clearErrors = (form) => {
    for (const el of form.querySelectorAll('.error[data-js]')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  };

  /** @param {HTMLFormElement} form @param {Record<string, string> | undefined} errors */
  const showErrors = (form, errors) => {
    for (const [name, message] of Object.entries(errors || {})) {
      const input = field(form, name);
      if (!input?.parentNode) continue;
      const note = document.createElement('span');
      note.className = 'error';
      note.dataset.js = '1';
      note.id = `c-${name}-error`;
      note.setAttribute('role', 'alert');
      note.textContent = ` ${message}`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
      input.insertAdjacentElement('afterend', note);
    }
  };

  /** Adds a comment the server rendered to its thread. @param {string} html @param {number | null | undefined} parent */
  const place = (html, parent) => {
    const holder = document.createElement('template');
    holder.innerHTML = html;
    const item = holder.content.firstElementChild;
    const root = parent ? document.getElementById(`comment-${parent}`) : null;
    let list = document.getElementById('comment-list');
    if (root) {
      const thread = root.closest('.comment-list > .comment') || root;
      list = thread.querySelector(':scope > .comment-replies');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'comment-replies';
        thread.appendChild(list);
      }
    }
    if (!item || !list) return null;
    list.appendChild(item);
    document.getElementById('no-comments')?.remove();
    return item;
  };

  /**
   * Pages are the same for every reader, so a form gets its token (and the reader their cookie) only when they
   * start to write; each form asks once, and a post hands back the next one.
   * @param {TokenForm} form
   */
  const ensureToken = (form) => {
    const input = field(form, '_form');
    if (!input || input.value) return Promise.resolve();
    form.tokenRequest ??= fetch('/comments/form-token', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((response) => response.json())
      .then((/** @type {{ token: string }} */ answer) => {
        if (!input.value) input.value = answer.token;
      })
      .finally(() => {
        form.tokenRequest = undefined;
      });
    return form.tokenRequest;
  };
  /** @param {Event} event */
  const startWriting = (event) => {
    const form = event.target instanceof Element ? event.target.closest('form[data-enhance]') : null;
    if (form instanceof HTMLFormElement) ensureToken(form).catch(() => undefined);
  };
  document.addEventListener('focusin', startWriting);
  document.addEventListener('pointerdown', startWriting);

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.enhance) return;
    event.preventDefault();
    const button = /** @type {HTMLButtonElement | null} */ (form.querySelector('button[type=submit]'));
    if (button) button.disabled = true;
    try {
      await ensureToken(form);
      clearErrors(form);
      const result = await send(form);
      if (form.dataset.enhance === 'report') {
        form.closest('details')?.replaceWith(document.createTextNode(result.message));
        return;
      }
      say(result.message);
      const token = field(form, '_form');
      if (result.token && token) token.value = result.token; // the old one may be spent
      if (!result.ok) {
        showErrors(form, result.errors);
        return;
      }
      const body = field(form, 'body');
      if (body) body.value = '';
      if (result.html) place(result.html, result.parent)?.scrollIntoView({ block: 'nearest' });
    } catch {
      say('The comment could not be sent. Check your connection and try again; your text is still in the form.');
    } finally {
      if (button) button.disabled = false;
    }
  });

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (event.target.closest('a[data-reply]')) : null;
    if (!link) return;
    const form = /** @type {HTMLFormElement | null} */ (document.getElementById('respond'));
    const comment = document.getElementById(`comment-${link.dataset.reply}`);
    if (!form || !comment) return;
    event.preventDefault();
    const parent = field(form, 'parent');
    if (parent) parent.value = link.dataset.reply ?? '';
    const name = comment.querySelector('.comment-author')?.textContent || 'this comment';
    const title = document.getElementById('reply-title');
    if (title) title.textContent = `Reply to ${name}`;
    form.querySelector('#c-season')?.closest('p')?.setAttribute('hidden', '');
    comment.appendChild(form);
    field(form, 'body')?.focus();
  });
})();
