import type { InterviewSession } from '../model/index.js'
import { StatusButton, type StatusButtonProps } from './StatusButton.js'

/** Props of {@link PauseButton}. */
export interface PauseButtonProps extends StatusButtonProps {
  /** Called with the server's session once the pause is confirmed. */
  onPaused?: (session: InterviewSession) => void
}

/**
 * A `<button>` that pauses a session, labelled "Pause interview" by default. Rendered only while the session is
 * active, or while its own pause is in flight: then it stays in place, shows "Pausing…", keeps its accessible name,
 * is `aria-disabled`, ignores activation and stays focusable. When the pause is confirmed the `ResumeButton` takes
 * its place, and its focus. Rest props (className, data-*, aria-*) go to the button; `onClick` runs first and can
 * `preventDefault()`. State in `data-state` (`active|paused|completed|unknown|loading`) and `data-pending`.
 *
 * @example
 * ```tsx
 * <PauseButton sessionId={id} className="btn" onPaused={() => navigate('/interviews')} />
 * ```
 */
export function PauseButton(props: PauseButtonProps) {
  const { onPaused, ...rest } = props
  return <StatusButton {...rest} action="pause" onDone={onPaused} />
}
