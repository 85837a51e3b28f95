import type { RefObject } from 'react';

/** The end of a paged list: loads the next page when scrolled into view, or when the button is pressed. */
export function LoadMore(props: { sentinel: RefObject<HTMLDivElement | null>; hasMore: boolean; loading: boolean; loadMore: () => Promise<void> }) {
  if (!props.hasMore) return null;
  return (
    <div ref={props.sentinel} className="more">
      <button type="button" onClick={() => void props.loadMore()} disabled={props.loading}>
        {props.loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
