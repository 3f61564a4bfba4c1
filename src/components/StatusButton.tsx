import type { ButtonHTMLAttributes, ForwardedRef, ReactElement, ReactNode } from 'react'
import type { InterviewApiError } from '../api/index.js'
import type { InterviewSession, StatusAction } from '../model/index.js'
import { className } from './className.js'
import { dataPending, dataState, isAriaDisabled } from './stateAttributes.js'
import { useComposedRefs } from './useComposedRefs.js'
import { useStatusButton } from './useStatusButton.js'
import { visuallyHidden } from './visuallyHidden.js'

/** Props shared by `PauseButton` and `ResumeButton`: a button's own props, plus these. */
export interface StatusButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'onError'> {
  /** The session to change. */
  sessionId: string
  /** Called when the change fails (after the optimistic change is undone). */
  onError?: (error: InterviewApiError) => void
  /** The button's content while idle. Defaults to the messages' label. */
  children?: ReactNode
}

/**
 * The one `<button>` behind `PauseButton` and `ResumeButton`: a render function they call with their own props and
 * ref (not a component of its own, so each button is one component in the tree).
 */
export function useStatusButtonElement(
  action: StatusAction,
  props: StatusButtonProps,
  onDone: ((session: InterviewSession) => void) | undefined,
  forwardedRef: ForwardedRef<HTMLButtonElement>,
): ReactElement | null {
  const { sessionId, onError, onClick, children, className: theirs, ...rest } = props
  const callbacks = { onDone, onError, onClick }
  const { ref, handleClick, ...button } = useStatusButton(action, sessionId, callbacks, isAriaDisabled(rest['aria-disabled']))
  const refs = useComposedRefs(ref, forwardedRef)
  if (!button.visible) return null
  return (
    <button
      type="button"
      {...rest}
      ref={refs}
      className={className('isk-Button', theirs)}
      onClick={handleClick}
      aria-disabled={button.pending || rest['aria-disabled'] || undefined}
      data-action={action}
      data-state={dataState(button.status)}
      data-pending={dataPending(button.pending)}
    >
      {button.pending ? (
        // While pending the name stays "Pause interview" and the eye reads "Pausing…". The visible text is hidden
        // from the accessibility tree, so the name is not contradicted by it (WCAG 2.5.3, label in name).
        <>
          <span style={visuallyHidden}>{rest['aria-label'] ?? children ?? button.label}</span>
          <span aria-hidden="true">{button.progress}</span>
        </>
      ) : (
        (children ?? button.label)
      )}
    </button>
  )
}
