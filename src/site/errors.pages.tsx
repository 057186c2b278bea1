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
