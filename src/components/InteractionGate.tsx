import { forwardRef, type FieldsetHTMLAttributes, type ReactNode } from 'react'
import { useInterviewControls } from '../hooks/index.js'
import { className } from './className.js'
import { dataPending, dataState } from './stateAttributes.js'

/** Props of {@link InteractionGate}: a fieldset's own props, plus the session. */
export interface InteractionGateProps extends FieldsetHTMLAttributes<HTMLFieldSetElement> {
  sessionId: string
  /** The interview's answer controls: inputs, textareas, the submit button. */
  children?: ReactNode
}

/**
 * A `<fieldset>` that disables the interview's answer controls while the session is not active: paused (a pause in
 * flight included), completed, unknown, still loading, or failed to load (`data-state="error"`). The native `disabled` fieldset disables every form control
 * inside it, keyboard and pointer alike. State in `data-state` and `data-pending`; class `isk-Gate`.
 *
 * @example
 * ```tsx
 * <InteractionGate sessionId={id} aria-label="Your answer">
 *   <textarea name="answer" />
 *   <button type="submit">Submit</button>
 * </InteractionGate>
 * ```
 */
export const InteractionGate = /* @__PURE__ */ forwardRef<HTMLFieldSetElement, InteractionGateProps>(function InteractionGate(props, ref) {
  const { sessionId, children, disabled, className: theirs, ...rest } = props
  const { status, canInteract, isPending, error } = useInterviewControls(sessionId)
  return (
    <fieldset
      {...rest}
      ref={ref}
      className={className('isk-Gate', theirs)}
      disabled={disabled || !canInteract}
      data-state={dataState(status, error !== undefined)}
      data-pending={dataPending(isPending)}
    >
      {children}
    </fieldset>
  )
})
