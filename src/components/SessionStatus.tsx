import { forwardRef, type HTMLAttributes } from 'react'
import { shownError, useKitInternals, useSessionView } from '../hooks/index.js'
import { formatMessage, type InterviewMessages } from '../i18n/index.js'
import type { SessionStatusValue } from '../model/index.js'
import { className } from './className.js'
import { dataPending, dataState } from './stateAttributes.js'

/** Props of {@link SessionStatus}: a span's own props, plus the session. */
export interface SessionStatusProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  sessionId: string
}

function statusText(status: SessionStatusValue, messages: InterviewMessages): string {
  if (status === 'active') return messages.statusActive
  if (status === 'paused') return messages.statusPaused
  if (status === 'completed') return messages.statusCompleted
  return formatMessage(messages.statusUnknown, { status })
}

/**
 * A badge with the displayed status of a session ("Active", "Paused", "Completed", or an unknown status as the
 * server sent it). A polite live region (`role="status"`) from its first render, so changes are announced. A pause
 * in flight already shows "Paused" (`data-pending` present). State in `data-state`:
 * `active|paused|completed|unknown|loading|error`; class `isk-Status`.
 *
 * @example
 * ```tsx
 * <SessionStatus sessionId={id} className="badge" />
 * ```
 */
export const SessionStatus = /* @__PURE__ */ forwardRef<HTMLSpanElement, SessionStatusProps>(function SessionStatus(props, ref) {
  const { sessionId, className: theirs, ...rest } = props
  const { messages } = useKitInternals()
  const view = useSessionView(sessionId)
  const status = view.session?.status
  const failed = status === undefined && shownError(view) !== undefined
  return (
    <span
      role="status"
      {...rest}
      ref={ref}
      className={className('isk-Status', theirs)}
      data-state={dataState(status, failed)}
      data-pending={dataPending(view.pending !== null)}
    >
      {status !== undefined ? statusText(status, messages) : failed ? messages.statusUnavailable : messages.statusLoading}
    </span>
  )
})
