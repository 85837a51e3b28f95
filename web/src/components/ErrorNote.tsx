import { StudioError } from '../api/client';

/** A failure said in place, where it happened; never a blank screen. */
export function ErrorNote({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const studioError = error instanceof StudioError ? error : null;
  const kind = studioError?.title ?? (studioError?.status === 429 ? 'Slow down' : studioError?.status === 0 ? 'Offline?' : 'Problem');
  return (
    <div className="error-note" role="alert" data-code={studioError?.code ?? undefined}>
      <strong>{kind}:</strong> <span className="error-message">{message}</span>
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss this message">
          Dismiss
        </button>
      )}
    </div>
  );
}
