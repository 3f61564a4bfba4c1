import { forwardRef, type HTMLAttributes } from 'react'
import type { InterviewApiError } from '../api/index.js'
import { useInterviewControls, useKitInternals } from '../hooks/index.js'
import type { InterviewSession } from '../model/index.js'
import { className } from './className.js'
import { PauseButton } from './PauseButton.js'
import { ResumeButton } from './ResumeButton.js'
import { RetryButton } from './RetryButton.js'
import { SessionError } from './SessionError.js'
import { SessionNotice } from './SessionNotice.js'
import { dataPending, dataState } from './stateAttributes.js'

/** Props of {@link InterviewControls}: a div's own props, plus these. */
export interface InterviewControlsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onError'> {
  sessionId: string
  onPaused?: (session: InterviewSession) => void
  onResumed?: (session: InterviewSession) => void
  onError?: (error: InterviewApiError) => void
}

/**
 * The whole pause/resume experience in one group: `PauseButton`, `ResumeButton`, the success `SessionNotice`, the
 * `SessionError` alert and its `RetryButton`, with its own messages in place (the provider's feedback leaves this
 * session to it). A `<div role="group">` labelled "Interview controls", class `isk-Controls`, with the session's
 * `data-state` (as on `SessionStatus`) and `data-pending` while a change is in flight; compose the parts yourself for
 * another layout.
 *
 * @example
 * ```tsx
 * <InterviewControls sessionId={id} onError={(e) => e.kind === 'unauthorized' && navigate('/login')} />
 * ```
 */
export const InterviewControls = /* @__PURE__ */ forwardRef<HTMLDivElement, InterviewControlsProps>(function InterviewControls(props, ref) {
  const { sessionId, onPaused, onResumed, onError, className: theirs, ...rest } = props
  const { messages } = useKitInternals()
  const { status, isPending, error } = useInterviewControls(sessionId)
  return (
    <div
      role="group"
      aria-label={messages.controlsLabel}
      {...rest}
      ref={ref}
      className={className('isk-Controls', theirs)}
      data-state={dataState(status, status === undefined && error !== undefined)}
      data-pending={dataPending(isPending)}
    >
      <PauseButton sessionId={sessionId} onPaused={onPaused} onError={onError} />
      <ResumeButton sessionId={sessionId} onResumed={onResumed} onError={onError} />
      <RetryButton sessionId={sessionId} />
      <SessionNotice sessionId={sessionId} />
      <SessionError sessionId={sessionId} />
    </div>
  )
})
