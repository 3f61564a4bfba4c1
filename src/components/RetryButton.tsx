import { forwardRef, useState, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react'
import type { InterviewApiError } from '../api/index.js'
import { retryOffered, useInterviewControls, useKitInternals, useOnline } from '../hooks/index.js'
import { sessionKey } from '../model/index.js'
import { className } from './className.js'
import { composeEventHandlers } from './composeEventHandlers.js'
import { dataPending, dataState, isAriaDisabled } from './stateAttributes.js'

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
 * that failed (or reloads the session). Refusals (400, 401, 403, 404) need the user to do something else, so it stays
 * hidden, as it does once the session reads as changed after all (a timed-out pause the server made). While its retry
 * is in flight it stays in place, focusable, `aria-disabled` and `data-pending`, and when the change succeeds focus
 * goes to the button that appears in the same parent (Resume after a pause). While the browser is offline, or when
 * you set `aria-disabled`, it is `aria-disabled` and activation does nothing. Class `isk-Button`,
 * `data-action="retry"`, `data-kind` the error's kind, `data-state` the session's status.
 *
 * @example
 * ```tsx
 * <RetryButton sessionId={id} />
 * ```
 */
export const RetryButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, RetryButtonProps>(function RetryButton(props, ref) {
  const { sessionId, onClick, children, className: theirs, ...rest } = props
  const { messages, focusHandoff } = useKitInternals()
  const { error, retry, isPending, failedAction, status } = useInterviewControls(sessionId)
  const online = useOnline()
  const key = sessionKey(sessionId)
  // The error its own retry answers, while that retry is in flight: the button stays where the focus is.
  const [retrying, setRetrying] = useState<InterviewApiError | null>(null)
  const pending = retrying !== null && isPending
  const visible = pending || retryOffered(error, failedAction, status, isPending)

  const shownError = pending ? retrying : error
  if (!visible || !shownError) return null
  const hostDisabled = isAriaDisabled(rest['aria-disabled'])
  return (
    <button
      type="button"
      {...rest}
      ref={ref}
      className={className('isk-Button', theirs)}
      // Offline, sending again cannot help: it waits (still focusable) until the browser is back online.
      aria-disabled={pending || !online || hostDisabled || undefined}
      onClick={composeEventHandlers(onClick, (event: MouseEvent<HTMLButtonElement>) => {
        if (pending || !online || hostDisabled) return
        const button = event.currentTarget
        // When the change succeeds, this button goes and the one replacing it in the parent (Resume) takes focus.
        if (button === button.ownerDocument.activeElement) focusHandoff.offer(button, key)
        setRetrying(shownError)
        // The offer stays after the retry: when it is refused and the session read again shows the other button,
        // focus goes there too, unless the user moved it meanwhile.
        void retry().then(() => setRetrying(null))
      })}
      data-action="retry"
      data-kind={shownError.kind}
      data-state={dataState(status)}
      data-pending={dataPending(pending)}
    >
      {children ?? messages.retry}
    </button>
  )
})
