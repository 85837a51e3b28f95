import { publicContentUrl } from '../api/client';
import type { PublicVideo } from '../api/types';
import { usePaged } from '../paging';
import { ErrorNote } from './ErrorNote';
import { LoadMore } from './LoadMore';

/** Videos their makers chose to publish; each opens its public share page. No sign-in needed. */
export function Gallery() {
  const { items, hasMore, loading, error, loadMore, sentinel } = usePaged<PublicVideo>('/v1/gallery?limit=24');
  return (
    <section aria-labelledby="gallery-title">
      <h1 id="gallery-title">Gallery</h1>
      <ul className="grid" aria-label="Published videos">
        {items.map((video) => (
          <li key={video.id}>
            <a className="tile" href={`/v/${video.id}`}>
              <img src={publicContentUrl(video.id, 'thumbnail')} alt="" loading="lazy" />
              <span className="tile-text">{video.prompt}</span>
              <span className="small muted">
                {video.model} · seed {video.seed}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {!loading && !hasMore && items.length === 0 && <p className="muted">Nothing published yet.</p>}
      <ErrorNote error={error} />
      <LoadMore sentinel={sentinel} hasMore={hasMore} loading={loading} loadMore={loadMore} />
    </section>
  );
}
