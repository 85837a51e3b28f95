import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from './api/client';
import type { Page } from './api/types';

/**
 * A list read page by page from `path` (which already has its query) with the API's `after` cursor, newest first;
 * `sentinel` is placed after the last item and loads the next page when it scrolls into view (a button does the
 * same for keyboards).
 */
export function usePaged<T extends { id: string }>(path: string) {
  const [items, setItems] = useState<T[]>([]);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cursor = useRef<string | null>(null);
  const inFlight = useRef(false);

  const loadMore = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    try {
      const page = await get<Page<T>>(cursor.current ? `${path}&after=${encodeURIComponent(cursor.current)}` : path);
      cursor.current = page.last_id ?? cursor.current;
      setItems((list) => [...list, ...page.data.filter((item) => !list.some((known) => known.id === item.id))]);
      setHasMore(page.has_more);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  }, [path]);

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || error) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, error, loadMore, items.length]);

  return { items, setItems, hasMore, loading, error, loadMore, sentinel };
}
