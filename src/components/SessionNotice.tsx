import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react'
import { useInterviewControls, useKitInternals, type InterviewChange } from '../hooks/index.js'
import { sessionKey } from '../model/index.js'
import { className } from './className.js'

/** Props of {@link SessionNotice}: a paragraph's own props, plus the session. */
export interface SessionNoticeProps extends Omit<HTMLAttributes<HTMLParagraphElement>, 'children'> {
  sessionId: string
}

/** Where its news start for one session: what was over when it mounted, or when its `sessionId` changed. */
interface Start {
  key: string
  /** Changes of the session with a greater id are its news; one in flight at the start is too. */
  since: number
}

function startOf(key: string, change: InterviewChange | undefined): Start {
  if (!change) return { key, since: 0 }
  return { key, since: change.status === 'pending' ? change.id - 1 : change.id }
}

/**
 * A `<p role="status">` that says "Interview paused" or "Interview resumed" once the server confirms a change made
 * while it showed this session (one in flight when it mounted included; an old success does not come back when it
 * mounts again, or when its `sessionId` changes to a session changed earlier). Present (empty) from the first render,
 * so screen readers announce the message politely when it appears; never an alert. While mounted, the provider's
 * feedback leaves this session's success messages to it, and never shows one it has shown. `data-state` is `paused`,
 * `resumed` or `idle`; class `isk-Notice`.
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
  // A page reused for another session (a router keeping the component) starts over, as a new mount would.
  const [kept, setStart] = useState(() => startOf(key, lastChange))
  const start = kept.key === key ? kept : startOf(key, lastChange)
  if (start !== kept) setStart(start)
  // Its news only: a success the provider's feedback is showing as it mounts stays there until its time is up.
  useEffect(() => feedbackCoverage.cover(key, 'notice', start.since), [feedbackCoverage, key, start.since])
  const shown = lastChange !== undefined && lastChange.id > start.since ? lastSucceeded : null
  const shownId = shown === null ? undefined : lastChange?.id
  // What it shows, the provider's feedback must not show once it is gone.
  useEffect(() => {
    if (shownId !== undefined) feedbackCoverage.markShown(key, shownId)
  }, [feedbackCoverage, key, shownId])
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
