import { forwardRef } from 'react'
import type { InterviewSession } from '../model/index.js'
import { useStatusButtonElement, type StatusButtonProps } from './StatusButton.js'

/** Props of {@link ResumeButton}. */
export interface ResumeButtonProps extends StatusButtonProps {
  /** Called with the server's session once the resume is confirmed. */
  onResumed?: (session: InterviewSession) => void
}

/**
 * A `<button>` that resumes a session, labelled "Resume interview" by default. Rendered only while the session is
 * paused, or while its own resume is in flight: then it stays in place, shows "Resuming…", keeps its accessible
 * name, is `aria-disabled`, ignores activation and stays focusable. When the resume is confirmed the `PauseButton`
 * beside it takes its place, and its focus. Props, ref and data attributes as `PauseButton` (`data-action="resume"`).
 *
 * @example
 * ```tsx
 * <ResumeButton sessionId={id} onResumed={(session) => console.log(session.status)} />
 * ```
 */
export const ResumeButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ResumeButtonProps>(function ResumeButton(props, ref) {
  const { onResumed, ...rest } = props
  return useStatusButtonElement('resume', rest, onResumed, ref)
})
