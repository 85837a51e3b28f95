import { useState, type FormEvent } from 'react';
import { useAction } from '../use-action';
import { ErrorNote } from './ErrorNote';

/**
 * The key is typed once and sent once; the field is emptied as soon as the request leaves, so the page keeps no
 * copy of it (the server answers with an HttpOnly session cookie instead).
 */
export function SignIn(props: { guestMode: boolean; onSignIn: (key: string) => Promise<void>; onGuest: () => Promise<void> }) {
  const [key, setKey] = useState('');
  const { busy, error, run } = useAction();

  function submit(event: FormEvent): void {
    event.preventDefault();
    const typed = key;
    setKey('');
    void run(() => props.onSignIn(typed));
  }

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to the studio</h1>
      <p className="muted">
        Paste a Kinora API key once. The server keeps you signed in with a secure cookie; the key is not stored in this page.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="kin_…"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {props.guestMode && (
        <p>
          <button type="button" onClick={() => void run(props.onGuest)} disabled={busy}>
            Try it as a guest
          </button>{' '}
          <span className="muted">short videos, a few an hour</span>
        </p>
      )}
      <ErrorNote error={error} />
      <p className="muted small">
        No key? The server prints an admin key on its first start; <code>kinora keys create</code> makes more.
      </p>
    </section>
  );
}
