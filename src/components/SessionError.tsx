import { forwardRef, useEffect, type HTMLAttributes } from 'react'
import { useInterviewControls, useKitInternals } from '../hooks/index.js'
import { sessionKey } from '../model/index.js'
import { className } from './className.js'
import { describeError } from './describeError.js'

/** Props of {@link SessionError}: a div's own props, plus the session. */
export interface SessionErrorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  sessionId: string
}

/**
 * A `<div role="alert">` with the specific message for the last failed pause or resume, or for a session that could
 * not be loaded (an invalid id, a 404, a 403…). Present (empty) from the first render. While mounted, the provider's
 * feedback leaves this session's failures to it, and never shows one it has shown. `data-kind` carries the error's kind
 * (`unauthorized|forbidden|notFound|invalid|server|network|invalidResponse`), absent without an error; class
 * `isk-Error`.
 *
 * @example
 * ```tsx
 * <SessionError sessionId={id} className="error" />
 * ```
 */
export const SessionError = /* @__PURE__ */ forwardRef<HTMLDivElement, SessionErrorProps>(function SessionError(props, ref) {
  const { sessionId, className: theirs, ...rest } = props
  const { messages, feedbackCoverage } = useKitInternals()
  const { error, lastChange } = useInterviewControls(sessionId)
  const key = sessionKey(sessionId)
  useEffect(() => feedbackCoverage.cover(key, 'error'), [feedbackCoverage, key])
  // A failure it has shown stays shown: the provider's feedback does not show it again once this part is gone.
  const shownId = lastChange?.status === 'failed' ? lastChange.id : undefined
  useEffect(() => {
    if (shownId !== undefined) feedbackCoverage.markShown(key, shownId)
  }, [feedbackCoverage, key, shownId])
  return (
    <div role="alert" {...rest} ref={ref} className={className('isk-Error', theirs)} data-kind={error?.kind}>
      {error ? describeError(error, messages) : null}
    </div>
  )
})
