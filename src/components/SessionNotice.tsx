import type { HTMLAttributes } from 'react'
import { useInterviewControls, useInterviewKit } from '../hooks/index.js'

/** Props of {@link SessionNotice}: a paragraph's own props, plus the session. */
export interface SessionNoticeProps extends Omit<HTMLAttributes<HTMLParagraphElement>, 'children'> {
  sessionId: string
}

/**
 * A `<p role="status">` that says "Interview paused" or "Interview resumed" once the server confirms the change.
 * Present (empty) from the first render, so screen readers announce the message politely when it appears; never
 * an alert. `data-state` is `paused`, `resumed` or `idle`.
 *
 * @example
 * ```tsx
 * <SessionNotice sessionId={id} className="notice" />
 * ```
 */
export function SessionNotice(props: SessionNoticeProps) {
  const { sessionId, ...rest } = props
  const { messages } = useInterviewKit()
  const { lastSucceeded } = useInterviewControls(sessionId)
  const text = lastSucceeded === 'pause' ? messages.paused : lastSucceeded === 'resume' ? messages.resumed : ''
  return (
    <p role="status" {...rest} data-state={lastSucceeded === null ? 'idle' : `${lastSucceeded}d`}>
      {text}
    </p>
  )
}
