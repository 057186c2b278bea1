import { useLang } from './lang.context.ts';

export function NotFoundPage({ path }: { path: string }) {
  const { t, rich, href } = useLang();
  return (
    <>
      <h1>{t('error.notFoundTitle')}</h1>
      <p>
        {rich('error.notFound', {
          path: () => <code>{path}</code>,
          search: (text) => <a href={href('/search')}>{text}</a>,
          home: (text) => <a href={href('/')}>{text}</a>,
        })}
      </p>
    </>
  );
}

export function ServerErrorPage() {
  const { t } = useLang();
  return (
    <>
      <h1>{t('error.serverTitle')}</h1>
      <p>{t('error.server')}</p>
    </>
  );
}

/** The database is out of reach: say so, and hand back what the reader wrote so nothing they typed is lost. */
export function UnavailablePage({ kept, retryAfter }: { kept: string | null; retryAfter: number }) {
  const { t } = useLang();
  return (
    <>
      <h1>{t('error.unavailableTitle')}</h1>
      <p>{t('error.unavailable', { seconds: retryAfter })}</p>
      {kept !== null && (
        <>
          <p>
            <strong>{t('error.unsaved')}</strong> {t('error.unsavedCopy')}
          </p>
          <textarea readonly rows={8} cols={60} aria-label={t('error.yourComment')}>
            {kept}
          </textarea>
        </>
      )}
    </>
  );
}
