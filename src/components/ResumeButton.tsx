import type { InterviewSession } from '../model/index.js'
import { StatusButton, type StatusButtonProps } from './StatusButton.js'

/** Props of {@link ResumeButton}. */
export interface ResumeButtonProps extends StatusButtonProps {
  /** Called with the server's session once the resume is confirmed. */
  onResumed?: (session: InterviewSession) => void
}

/**
 * A `<button>` that resumes a session, labelled "Resume interview" by default. Rendered only while the session is
 * paused, or while its own resume is in flight: then it stays in place, shows "Resuming…", keeps its accessible
 * name, is `aria-disabled`, ignores activation and stays focusable. When the resume is confirmed the `PauseButton`
 * takes its place, and its focus. Props and data attributes as `PauseButton`.
 *
 * @example
 * ```tsx
 * <ResumeButton sessionId={id} onResumed={(session) => console.log(session.status)} />
 * ```
 */
export function ResumeButton(props: ResumeButtonProps) {
  const { onResumed, ...rest } = props
  return <StatusButton {...rest} action="resume" onDone={onResumed} />
}
