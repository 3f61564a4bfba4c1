import { forwardRef } from 'react'
import type { InterviewSession } from '../model/index.js'
import { useStatusButtonElement, type StatusButtonProps } from './StatusButton.js'

/** Props of {@link PauseButton}. */
export interface PauseButtonProps extends StatusButtonProps {
  /** Called with the server's session once the pause is confirmed. */
  onPaused?: (session: InterviewSession) => void
}

/**
 * A `<button>` that pauses a session, labelled "Pause interview" by default. Rendered only while the session is
 * active, or while its own pause is in flight: then it stays in place, shows "Pausing…", keeps its accessible name,
 * is `aria-disabled`, ignores activation and stays focusable. When the pause is confirmed the `ResumeButton` beside it
 * (in the same parent element) takes its place, and its focus. The outcome is shown by the provider's feedback (or
 * your own `SessionNotice` / `SessionError`). Rest props (className, data-*, aria-*) and the ref go to the button;
 * `onClick` runs first and can `preventDefault()`. State in `data-state` (`active|paused|completed|unknown|loading`),
 * `data-pending` and `data-action="pause"`; class `isk-Button`.
 *
 * @example
 * ```tsx
 * <PauseButton sessionId={id} className="btn" onPaused={() => navigate('/interviews')} />
 * ```
 */
export const PauseButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, PauseButtonProps>(function PauseButton(props, ref) {
  const { onPaused, ...rest } = props
  return useStatusButtonElement('pause', rest, onPaused, ref)
})
