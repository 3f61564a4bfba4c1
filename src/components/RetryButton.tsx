import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react'
import { isRetryableError } from '../api/index.js'
import { useInterviewControls, useInterviewKit } from '../hooks/index.js'
import { composeEventHandlers } from './composeEventHandlers.js'
import { dataPending } from './stateAttributes.js'

/** Props of {@link RetryButton}: a button's own props, plus the session. */
export interface RetryButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  sessionId: string
  /**
   * The button's content.
   * @default the locale's "Retry"
   */
  children?: ReactNode
}

/**
 * A `<button>` shown after a network or server error: it re-sends the change that failed (or reloads the session).
 * Rendered only for errors worth retrying; other errors need the user to do something else.
 *
 * @example
 * ```tsx
 * <RetryButton sessionId={id} />
 * ```
 */
export function RetryButton(props: RetryButtonProps) {
  const { sessionId, onClick, children, ...rest } = props
  const { messages } = useInterviewKit()
  const { error, retry, isPending } = useInterviewControls(sessionId)
  if (!error || !isRetryableError(error) || isPending) return null
  return (
    <button
      type="button"
      {...rest}
      onClick={composeEventHandlers(onClick, (_event: MouseEvent<HTMLButtonElement>) => void retry())}
      data-kind={error.kind}
      data-pending={dataPending(isPending)}
    >
      {children ?? messages.retry}
    </button>
  )
}
