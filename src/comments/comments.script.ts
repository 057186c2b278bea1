// Served as /assets/comments.js. The forms work without it; with it, posting and reporting do not reload the page.
export const COMMENTS_JS = `(() => {
  const say = (text) => {
    const status = document.getElementById('form-status');
    if (status) status.textContent = text;
  };
  const send = async (form) => {
    const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return response.json();
  };
  const clearErrors = (form) => {
    for (const el of form.querySelectorAll('.error[data-js]')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
  };
  const showErrors = (form, errors) => {
    for (const [name, message] of Object.entries(errors || {})) {
      const field = form.elements.namedItem(name);
      if (!field || !field.parentNode) continue;
      const note = document.createElement('span');
      note.className = 'error'; note.dataset.js = '1'; note.id = 'c-' + name + '-error'; note.setAttribute('role', 'alert');
      note.textContent = ' ' + message;
      field.setAttribute('aria-invalid', 'true'); field.setAttribute('aria-describedby', note.id);
      field.insertAdjacentElement('afterend', note);
    }
  };
  const place = (html, parent) => {
    const holder = document.createElement('template');
    holder.innerHTML = html;
    const item = holder.content.firstElementChild;
    const root = parent && document.getElementById('comment-' + parent);
    let list = document.getElementById('comment-list');
    if (root) {
      const thread = root.closest('.comment-list > .comment') || root;
      list = thread.querySelector(':scope > .comment-replies');
      if (!list) { list = document.createElement('ol'); list.className = 'comment-replies'; thread.appendChild(list); }
    }
    list.appendChild(item);
    document.getElementById('no-comments')?.remove();
    return item;
  };
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.enhance) return;
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      clearErrors(form);
      const result = await send(form);
      if (form.dataset.enhance === 'report') {
        form.closest('details').replaceWith(document.createTextNode(result.message));
        return;
      }
      say(result.message);
      if (result.token) form.elements.namedItem('_form').value = result.token; // the old one may be spent
      if (!result.ok) { showErrors(form, result.errors); return; }
      form.elements.namedItem('body').value = '';
      if (result.html) place(result.html, result.parent)?.scrollIntoView({ block: 'nearest' });
    } catch {
      say('The comment could not be sent. Check your connection and try again; your text is still in the form.');
    } finally {
      if (button) button.disabled = false;
    }
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[data-reply]');
    if (!link) return;
    const form = document.getElementById('respond');
    const comment = document.getElementById('comment-' + link.dataset.reply);
    if (!form || !comment) return;
    event.preventDefault();
    form.elements.namedItem('parent').value = link.dataset.reply;
    const name = comment.querySelector('.comment-author')?.textContent || 'this comment';
    document.getElementById('reply-title').textContent = 'Reply to ' + name;
    form.querySelector('#c-season')?.closest('p')?.setAttribute('hidden', '');
    comment.appendChild(form);
    form.elements.namedItem('body').focus();
  });
})();
`;
