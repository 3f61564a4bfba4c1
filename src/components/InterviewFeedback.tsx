import { forwardRef, useEffect, useState, useSyncExternalStore, type HTMLAttributes } from 'react'
import { isRetryableError, type ChangeRecord } from '../api/index.js'
import { useChangeActions, useKitInternals, useOnline } from '../hooks/index.js'
import { className } from './className.js'
import { describeError } from './describeError.js'

/** Props of {@link InterviewFeedback}: a div's own props, plus these. */
export interface InterviewFeedbackProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Milliseconds a success message stays; failures stay until dismissed or followed by another change.
   * @default 6000
   */
  successTimeoutMs?: number
}

type Entry = readonly [key: string, record: ChangeRecord]

function Failure({ sessionKey, record, onDismiss }: { sessionKey: string; record: ChangeRecord; onDismiss: () => void }) {
  const { messages } = useKitInternals()
  const send = useChangeActions(sessionKey)
  const online = useOnline()
  const error = record.error
  if (!error) return null
  return (
    <div role="alert" className="isk-Feedback-item" data-kind={error.kind} data-action={record.action}>
      <span>{describeError(error, messages)}</span>
      {isRetryableError(error) && (
        <button
          type="button"
          className="isk-Button"
          data-action="retry"
          // Offline, it waits (still focusable) until the browser is back online.
          aria-disabled={!online || undefined}
          onClick={() => {
            if (online) void send(record.action)
          }}
        >
          {messages.retry}
        </button>
      )}
      <button type="button" className="isk-Button" data-action="dismiss" onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  )
}

/**
 * The outcome of every pause and resume made while it is mounted, in one place: after a failure the specific message
 * as a `role="alert"`, with Retry when sending again can help (no answer, a timeout, a 5xx) and never after a
 * refusal (400, 401, 403, 404); after a success a short message in a polite live region, present from the first
 * render so that screen readers announce what appears. Sessions whose `SessionError` or
 * `SessionNotice` is mounted are left to those. `InterviewKitProvider` renders it after its children (`feedback`);
 * the default stylesheet floats it at the end of the page. Class `isk-Feedback`.
 *
 * @example
 * ```tsx
 * <InterviewKitProvider api={interviewApi} feedback={false}>
 *   <main>…</main>
 *   <aside><InterviewFeedback /></aside>
 * </InterviewKitProvider>
 * ```
 */
export const InterviewFeedback = /* @__PURE__ */ forwardRef<HTMLDivElement, InterviewFeedbackProps>(function InterviewFeedback(props, ref) {
  const { successTimeoutMs = 6000, className: theirs, ...rest } = props
  const { messages, runtime, feedbackCoverage } = useKitInternals()
  const log = useSyncExternalStore(runtime.subscribeChanges, runtime.changeLog, runtime.changeLog)
  useSyncExternalStore(feedbackCoverage.subscribe, feedbackCoverage.version, feedbackCoverage.version)
  // Only changes made while it is mounted are its news.
  const [since] = useState(() => Math.max(0, ...runtime.changeLog().map(([, record]) => record.id)))
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(() => new Set())
  const dismiss = (id: number) => setDismissed((ids) => new Set(ids).add(id))

  const current = log.filter(([, record]) => record.id > since && !dismissed.has(record.id))
  const failures = current.filter(([key, record]) => record.status === 'failed' && !feedbackCoverage.covered(key, 'error'))
  const successes = current.filter(([key, record]) => record.status === 'succeeded' && !feedbackCoverage.covered(key, 'notice'))
  const successIds = successes.map(([, record]) => record.id).join(',')
  useEffect(() => {
    if (successIds === '') return undefined
    const timer = setTimeout(() => {
      setDismissed((ids) => new Set([...ids, ...successIds.split(',').map(Number)]))
    }, successTimeoutMs)
    return () => clearTimeout(timer)
  }, [successIds, successTimeoutMs])

  return (
    <div {...rest} ref={ref} className={className('isk-Feedback', theirs)} data-empty={current.length === 0 ? '' : undefined}>
      {/* Polite and present from the first render, so a success that appears is announced. No role: hosts' own
          queries by role (and their tests) find only what is shown. */}
      <div aria-live="polite" className="isk-Feedback-notices">
        {successes.map(([key, record]: Entry) => (
          <p key={`${key}:${record.id}`} className="isk-Feedback-item" data-state={`${record.action}d`}>
            {record.action === 'pause' ? messages.paused : messages.resumed}
          </p>
        ))}
      </div>
      {/* Each failure is an alert of its own: inserting one is announced at once. */}
      <div className="isk-Feedback-alerts">
        {failures.map(([key, record]: Entry) => (
          <Failure key={`${key}:${record.id}`} sessionKey={key} record={record} onDismiss={() => dismiss(record.id)} />
        ))}
      </div>
    </div>
  )
})
