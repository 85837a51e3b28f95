import { useCallback, useState } from 'react';
import type { Video } from '../api/types';
import { usePaged } from '../paging';
import { ErrorNote } from './ErrorNote';
import { LoadMore } from './LoadMore';
import { JobView } from './JobView';
import { LibraryTile } from './LibraryTile';

const pageSize = 12;

/** One's own videos, newest first, loaded as the list scrolls; choosing one opens it above the list. */
export function Library(props: { canPublish: boolean; guest: boolean }) {
  const { items, setItems, hasMore, loading, error, loadMore, sentinel } = usePaged<Video>(`/v1/videos?limit=${pageSize}&order=desc`);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = items.find((video) => video.id === openId) ?? null;

  const onChange = useCallback((next: Video) => setItems((list) => list.map((video) => (video.id === next.id ? next : video))), [setItems]);
  const onDeleted = useCallback(
    (id: string) => {
      setItems((list) => list.filter((video) => video.id !== id));
      setOpenId(null);
    },
    [setItems],
  );
  const onCreated = useCallback(
    (video: Video) => {
      setItems((list) => [video, ...list]);
      setOpenId(video.id);
    },
    [setItems],
  );

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      {open && (
        <JobView
          key={open.id}
          initial={open}
          others={items}
          guest={props.guest}
          canPublish={props.canPublish}
          onChange={onChange}
          onCreated={onCreated}
          onDeleted={onDeleted}
        />
      )}
      <ul className="grid" aria-label="Your videos">
        {items.map((video) => (
          <li key={video.id}>
            <LibraryTile initial={video} open={video.id === openId} follow={video.id !== openId} onOpen={setOpenId} onChange={onChange} />
          </li>
        ))}
      </ul>
      {!loading && !hasMore && items.length === 0 && <p className="muted">No videos yet: make one on the Create page.</p>}
      <ErrorNote error={error} />
      <LoadMore sentinel={sentinel} hasMore={hasMore} loading={loading} loadMore={loadMore} />
    </section>
  );
}
