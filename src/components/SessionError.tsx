import type { HTMLAttributes } from 'react'
import { useInterviewControls, useInterviewKit } from '../hooks/index.js'
import { describeError } from './describeError.js'

/** Props of {@link SessionError}: a div's own props, plus the session. */
export interface SessionErrorProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  sessionId: string
}

/**
 * A `<div role="alert">` with the specific message for the last failed pause or resume, or for a session that could
 * not be loaded (an invalid id, a 404, a 403…). Present (empty) from the first render. `data-kind` carries the
 * error's kind (`unauthorized|forbidden|notFound|invalid|server|network|invalidResponse`), absent without an error.
 *
 * @example
 * ```tsx
 * <SessionError sessionId={id} className="error" />
 * ```
 */
export function SessionError(props: SessionErrorProps) {
  const { sessionId, ...rest } = props
  const { messages } = useInterviewKit()
  const { error } = useInterviewControls(sessionId)
  return (
    <div role="alert" {...rest} data-kind={error?.kind}>
      {error ? describeError(error, messages) : null}
    </div>
  )
}
