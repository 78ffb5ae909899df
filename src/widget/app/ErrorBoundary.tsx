import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What to show instead of the crashed tree; `retry` renders the tree again. */
  fallback: (retry: () => void) => ReactNode;
  onError: (error: unknown) => void;
  children: ReactNode;
}

/**
 * Any render error below becomes the `error` event and a visible "Chat is unavailable" — never a blank panel on
 * the host page. What the visitor typed is in the draft (sessionStorage), so "Try again" brings the form back
 * with it. (React offers error boundaries only as class components.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  render() {
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children;
  }
}
