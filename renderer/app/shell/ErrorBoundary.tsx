import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

interface BoundaryProps {
  /** The part of the UI this boundary guards, already translated ("Bibliothek"). */
  area: string;
  t: TFunction;
  /** A change (e.g. another section chosen) clears the error and tries again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/**
 * Catches a rendering failure in one area and says what failed, in the UI language. The work
 * lives in the store (and on disk via main), outside React, so showing this panel or trying again
 * loses nothing; the rest of the frame (header, navigation, save state) keeps working.
 */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the app log (the web host and Electron both collect the console).
    console.error(`[vitrine] ${this.props.area} failed to render:`, error, info.componentStack);
  }

  override componentDidUpdate(previous: BoundaryProps): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    const { t, area } = this.props;
    if (!error) return this.props.children;
    return (
      <div className="boundary" role="alert">
        <h1>{t('errors.boundaryHeading')}</h1>
        <p>{t('errors.boundaryBody', { area })}</p>
        <details>
          <summary>{t('errors.boundaryDetails')}</summary>
          <pre>{`${error.name}: ${error.message}`}</pre>
        </details>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          {t('errors.retry')}
        </button>
      </div>
    );
  }
}

export function ErrorBoundary(props: Omit<BoundaryProps, 't'>) {
  const { t } = useTranslation();
  return <Boundary {...props} t={t} />;
}
