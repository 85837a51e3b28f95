import { Component, type ReactNode } from 'react';

/** A fault while drawing a part of the studio shows a message there instead of leaving the page blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-note" role="alert">
        <strong>The studio hit a problem:</strong> <span className="error-message">{this.state.error.message}</span>{' '}
        <button type="button" className="link" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
