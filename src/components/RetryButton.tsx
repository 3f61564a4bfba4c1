import { forwardRef, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react'
import { isRetryableError } from '../api/index.js'
import { useInterviewControls, useKitInternals, useOnline } from '../hooks/index.js'
import { className } from './className.js'
import { composeEventHandlers } from './composeEventHandlers.js'
import { dataPending } from './stateAttributes.js'

/** Props of {@link RetryButton}: a button's own props, plus the session. */
export interface RetryButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  sessionId: string
  /**
   * The button's content.
   * @default the messages' "Retry"
   */
  children?: ReactNode
}

/**
 * A `<button>` shown after a failure worth retrying (no answer, a timeout, offline, a 5xx): it re-sends the change
 * that failed (or reloads the session). While the browser is offline it is `aria-disabled` and waits for the
 * connection. Refusals (400, 401, 403, 404) need the user to do something else, so it stays hidden.
 * Class `isk-Button`, `data-action="retry"`, `data-kind` the error's kind.
 *
 * @example
 * ```tsx
 * <RetryButton sessionId={id} />
 * ```
 */
export const RetryButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, RetryButtonProps>(function RetryButton(props, ref) {
  const { sessionId, onClick, children, className: theirs, ...rest } = props
  const { messages } = useKitInternals()
  const { error, retry, isPending } = useInterviewControls(sessionId)
  const online = useOnline()
  if (!error || !isRetryableError(error) || isPending) return null
  return (
    <button
      type="button"
      {...rest}
      ref={ref}
      className={className('isk-Button', theirs)}
      // Offline, sending again cannot help: it waits (still focusable) until the browser is back online.
      aria-disabled={!online || rest['aria-disabled'] || undefined}
      onClick={composeEventHandlers(onClick, (_event: MouseEvent<HTMLButtonElement>) => {
        if (online) void retry()
      })}
      data-action="retry"
      data-kind={error.kind}
      data-pending={dataPending(isPending)}
    >
      {children ?? messages.retry}
    </button>
  )
})
