import { CreatePage } from './components/CreatePage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorNote } from './components/ErrorNote';
import { Gallery } from './components/Gallery';
import { Library } from './components/Library';
import { SignIn } from './components/SignIn';
import { navigate, usePage, type Page } from './navigation';
import { canPublish, useSession } from './session';

function NavLink({ to, current, children }: { to: Page; current: Page; children: string }) {
  return (
    <a
      href={to}
      aria-current={to === current ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function App() {
  const page = usePage();
  const { session, error, refresh, signIn, startGuest, signOut } = useSession();
  const publish = canPublish(session);

  let main;
  if (!session) {
    main = error ? (
      <div className="card">
        <ErrorNote error={error} />
        <button type="button" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    ) : (
      <p className="muted">Loading…</p>
    );
  } else if (page === '/gallery') {
    main = <Gallery />;
  } else if (!session.signed_in) {
    main = <SignIn guestMode={session.guest_mode} onSignIn={signIn} onGuest={startGuest} />;
  } else if (page === '/library') {
    main = <Library canPublish={publish} guest={session.guest === true} />;
  } else {
    main = <CreatePage session={session} canPublish={publish} />;
  }

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            navigate('/');
          }}
        >
          Kinora
        </a>
        <nav aria-label="Studio">
          <NavLink to="/" current={page}>
            Create
          </NavLink>
          <NavLink to="/library" current={page}>
            Library
          </NavLink>
          <NavLink to="/gallery" current={page}>
            Gallery
          </NavLink>
        </nav>
        {session?.signed_in && (
          <div className="who">
            <span className="small muted">{session.guest ? 'Guest' : `${session.key?.name ?? ''} · ${session.key?.prefix ?? ''}…`}</span>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={page}>{main}</ErrorBoundary>
      </main>
    </>
  );
}
