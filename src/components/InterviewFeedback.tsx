import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ForwardedRef,
  type HTMLAttributes,
  type ReactElement,
} from 'react'
import { sessionSource, type ChangeRecord } from '../api/index.js'
import { retryOffered, useChangeActions, useKitInternals, useOnline } from '../hooks/index.js'
import { className } from './className.js'
import { describeError } from './describeError.js'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js'

/** Props of {@link InterviewFeedback}: a div's own props, plus these. */
export interface InterviewFeedbackProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Milliseconds a success message stays; failures stay until dismissed or followed by another change.
   * @default 6000
   */
  successTimeoutMs?: number
}

type Entry = readonly [key: string, record: ChangeRecord]

/** A success message: it stays `timeoutMs`, counted from when it appears, then counts as shown. */
function Success({ sessionKey: key, record, timeoutMs }: { sessionKey: string; record: ChangeRecord; timeoutMs: number }) {
  const { messages, feedbackCoverage } = useKitInternals()
  useEffect(() => {
    const timer = setTimeout(() => feedbackCoverage.markShown(key, record.id), timeoutMs)
    return () => clearTimeout(timer)
  }, [feedbackCoverage, key, record.id, timeoutMs])
  return (
    <p className="isk-Feedback-item" data-state={`${record.action}d`}>
      {record.action === 'pause' ? messages.paused : messages.resumed}
    </p>
  )
}

function Failure({ sessionKey: key, record, onDismiss }: { sessionKey: string; record: ChangeRecord; onDismiss: () => void }) {
  const { messages, runtime, focusHandoff } = useKitInternals()
  const send = useChangeActions(key)
  const online = useOnline()
  // The session's status without a subscription of its own: Retry goes once the session reads as changed after all.
  const source = sessionSource(runtime, key)
  const view = useSyncExternalStore(source.subscribe, source.read, source.read)
  const retryRef = useRef<HTMLButtonElement>(null)
  const error = record.error
  const offered = retryOffered(error, record.action, view.session?.status, view.pending !== null)
  // The Retry of the failure that follows a failed retry takes the focus the previous one had.
  useIsomorphicLayoutEffect(() => {
    const button = retryRef.current
    if (offered && button && focusHandoff.take(button, key)) button.focus()
  }, [offered, focusHandoff, key])
  if (!error) return null
  return (
    <div role="alert" className="isk-Feedback-item" data-kind={error.kind} data-action={record.action}>
      <span>{describeError(error, messages)}</span>
      {offered && (
        <button
          ref={retryRef}
          type="button"
          className="isk-Button"
          data-action="retry"
          // Offline, it waits (still focusable) until the browser is back online.
          aria-disabled={!online || undefined}
          onClick={(event) => {
            if (!online) return
            const button = event.currentTarget
            // The alert goes as the retry starts: the session's button that appears once it settles (or once the
            // session is read again after a refusal) takes focus, unless the user moved it meanwhile.
            if (button === button.ownerDocument.activeElement) focusHandoff.offerToSession(button, key)
            void send(record.action)
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
 * The one element behind `InterviewFeedback` and the provider's own feedback. Of all mounted on one store, only one
 * shows the outcomes (see `FeedbackCoverage.present`); the others render their empty regions.
 */
function useFeedbackElement(props: InterviewFeedbackProps, ref: ForwardedRef<HTMLDivElement>, placed: boolean): ReactElement {
  const { successTimeoutMs = 6000, className: theirs, ...rest } = props
  const { runtime, feedbackCoverage: coverage } = useKitInternals()
  const log = useSyncExternalStore(runtime.subscribeChanges, runtime.changeLog, runtime.changeLog)
  useSyncExternalStore(coverage.subscribe, coverage.version, coverage.version)
  const [self] = useState(() => ({}))
  useEffect(() => coverage.present(self, placed), [coverage, self, placed])
  // Only changes made while it is mounted are its news; one in flight when it mounts is.
  const [over] = useState(
    () => new Set(runtime.changeLog().flatMap(([, record]) => (record.status === 'pending' ? [] : [record.id]))),
  )

  const current = coverage.shows(self)
    ? log.filter(([key, record]) => !over.has(record.id) && !coverage.wasShown(key, record.id))
    : []
  const failures = current.filter(([key, record]) => record.status === 'failed' && !coverage.covered(key, 'error', record.id))
  const successes = current.filter(
    ([key, record]) => record.status === 'succeeded' && !coverage.covered(key, 'notice', record.id),
  )

  const shown = failures.length + successes.length
  return (
    <div {...rest} ref={ref} className={className('isk-Feedback', theirs)} data-empty={shown === 0 ? '' : undefined}>
      {/* Polite and present from the first render, so a success that appears is announced. No role: hosts' own
          queries by role (and their tests) find only what is shown. */}
      <div aria-live="polite" className="isk-Feedback-notices">
        {successes.map(([key, record]: Entry) => (
          <Success key={`${key}:${record.id}`} sessionKey={key} record={record} timeoutMs={successTimeoutMs} />
        ))}
      </div>
      {/* Each failure is an alert of its own: inserting one is announced at once. */}
      <div className="isk-Feedback-alerts">
        {failures.map(([key, record]: Entry) => (
          <Failure key={`${key}:${record.id}`} sessionKey={key} record={record} onDismiss={() => coverage.markShown(key, record.id)} />
        ))}
      </div>
    </div>
  )
}

/**
 * The outcome of every pause and resume made while it is mounted, in one place: after a failure the specific message
 * as a `role="alert"`, with Retry when sending again can help (no answer, a timeout, a 5xx, while the session's status
 * still allows the change) and never after a refusal (400, 401, 403, 404); after a success a short message in a polite
 * live region, present from the first render so that screen readers announce what appears. Sessions whose
 * `SessionError` or `SessionNotice` is mounted are left to those, and a message one of them has shown is never shown
 * again. `InterviewKitProvider` renders it after its children (`feedback`); the default stylesheet floats it at the
 * end of the page. One store shows each outcome once: with several providers on it (nested, or one per React root),
 * the first `InterviewFeedback` you placed shows them, else the first mounted provider's; the others stay empty.
 * Class `isk-Feedback`, `data-empty` while it shows nothing.
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
  return useFeedbackElement(props, ref, true)
})

/** The provider's own feedback (`feedback`): it gives way to an `InterviewFeedback` the host placed. @internal */
export function ProviderFeedback(): ReactElement {
  return useFeedbackElement({}, null, false)
}
