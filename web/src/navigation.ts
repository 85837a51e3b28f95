import { useEffect, useState } from 'react';

/** The studio's pages are real paths (the server serves the app at each), switched without reloading. */
export type Page = '/' | '/library' | '/gallery';

const pages: readonly Page[] = ['/', '/library', '/gallery'];
const current = (): Page => (pages as readonly string[]).includes(location.pathname) ? (location.pathname as Page) : '/';

export function navigate(page: Page): void {
  if (page === location.pathname) return;
  history.pushState(null, '', page);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function usePage(): Page {
  const [page, setPage] = useState(current);
  useEffect(() => {
    const onPop = (): void => setPage(current());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return page;
}
