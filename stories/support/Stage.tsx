import { InterviewControls, RetryButton, SessionError, SessionNotice, SessionStatus } from 'interview-session-kit'
import type { ReactNode } from 'react'

/** Props of {@link Stage}. */
export interface StageProps {
  sessionId: string
  /** The component under test. */
  children: ReactNode
  /**
   * What else the session shows: the feedback of a change (notice, error, Retry) when the component under test is
   * the button making it, or the whole `InterviewControls` to drive the change otherwise.
   */
  parts: 'feedback' | 'controls'
}

/** A component story's canvas: the component under test, then the session's status and the parts around it. */
export function Stage({ sessionId, children, parts }: StageProps) {
  return (
    <div className="stage">
      <section aria-label="Component under test" className="stage-subject">
        {children}
      </section>
      <section aria-label="Session" className="stage-session">
        <p className="stage-status">
          Session status: <SessionStatus sessionId={sessionId} />
        </p>
        {parts === 'controls' ? (
          <InterviewControls sessionId={sessionId} />
        ) : (
          <div className="stage-feedback">
            <RetryButton sessionId={sessionId} />
            <SessionNotice sessionId={sessionId} />
            <SessionError sessionId={sessionId} />
          </div>
        )}
      </section>
    </div>
  )
}
