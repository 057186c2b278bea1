export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{path}</code>. Try <a href="/search">searching for the show</a>, or go to the <a href="/">front page</a>.
      </p>
    </>
  );
}

export function ServerErrorPage() {
  return (
    <>
      <h1>Something went wrong</h1>
      <p>The page could not be shown. The error has been logged; please try again in a moment.</p>
    </>
  );
}

/** The database is out of reach: say so, and hand back what the reader wrote so nothing they typed is lost. */
export function UnavailablePage({ kept, retryAfter }: { kept: string | null; retryAfter: number }) {
  return (
    <>
      <h1>Back in a moment</h1>
      <p>Next Season cannot reach its database just now. Please try again in {retryAfter} seconds.</p>
      {kept !== null && (
        <>
          <p>
            <strong>Your comment was not saved.</strong> Here is what you wrote, so you can copy it and send it again:
          </p>
          <textarea readonly rows={8} cols={60} aria-label="Your comment">
            {kept}
          </textarea>
        </>
      )}
    </>
  );
}
