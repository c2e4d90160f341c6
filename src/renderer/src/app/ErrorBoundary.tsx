import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** the sentence to show, already in the teller's language */
  message: string
  retryLabel: string
  children: ReactNode
}

/** A render bug must never leave the teller with a blank window or a stack trace. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('render failed', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div className="crash" role="alert">
        <p>{this.props.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ failed: false })}>
          {this.props.retryLabel}
        </button>
      </div>
    )
  }
}
