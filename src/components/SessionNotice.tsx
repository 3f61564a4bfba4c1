import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react'
import { useInterviewControls, useKitInternals } from '../hooks/index.js'
import { sessionKey } from '../model/index.js'
import { className } from './className.js'

/** Props of {@link SessionNotice}: a paragraph's own props, plus the session. */
export interface SessionNoticeProps extends Omit<HTMLAttributes<HTMLParagraphElement>, 'children'> {
  sessionId: string
}

/**
 * A `<p role="status">` that says "Interview paused" or "Interview resumed" once the server confirms a change made
 * while it was mounted (an old success does not come back when it mounts again). Present (empty) from the first
 * render, so screen readers announce the message politely when it appears; never an alert. While mounted, the
 * provider's feedback leaves this session's success messages to it. `data-state` is `paused`, `resumed` or `idle`;
 * class `isk-Notice`.
 *
 * @example
 * ```tsx
 * <SessionNotice sessionId={id} className="notice" />
 * ```
 */
export const SessionNotice = /* @__PURE__ */ forwardRef<HTMLParagraphElement, SessionNoticeProps>(function SessionNotice(props, ref) {
  const { sessionId, className: theirs, ...rest } = props
  const { messages, feedbackCoverage } = useKitInternals()
  const { lastSucceeded, lastChange } = useInterviewControls(sessionId)
  const key = sessionKey(sessionId)
  useEffect(() => feedbackCoverage.cover(key, 'notice'), [feedbackCoverage, key])
  // Changes made before it mounted are not its news.
  const [since] = useState(() => lastChange?.id ?? 0)
  const shown = lastChange !== undefined && lastChange.id > since ? lastSucceeded : null
  const text = shown === 'pause' ? messages.paused : shown === 'resume' ? messages.resumed : ''
  return (
    <p
      role="status"
      {...rest}
      ref={ref}
      className={className('isk-Notice', theirs)}
      data-state={shown === null ? 'idle' : `${shown}d`}
    >
      {text}
    </p>
  )
})
