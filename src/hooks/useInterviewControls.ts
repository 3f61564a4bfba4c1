import { sessionSource, type ChangeRecord, type InterviewApiError, type InterviewResult, type SessionRuntime } from '../api/index.js'
import {
  canInteract,
  canPause,
  canResume,
  sessionKey,
  type InterviewSession,
  type SessionStatusValue,
  type StatusAction,
} from '../model/index.js'
import { useKitInternals } from './InterviewKitContext.js'
import { resendableAction } from './retryOffered.js'
import { useChangeActions, type SendChange } from './useChangeActions.js'
import { shownError, useSessionView } from './useSessionView.js'

/** The outcome of `pause()`, `resume()` and `retry()`: the server's session or an error, never a rejected promise. */
export type ControlResult = InterviewResult<InterviewSession>

/** What {@link useInterviewControls} returns. */
export interface InterviewControls {
  /** The displayed status (pending intent included). */
  status: SessionStatusValue | undefined
  /** Pause is allowed now: the session is active and no change is in flight. */
  canPause: boolean
  /** Resume is allowed now: the session is paused and no change is in flight. */
  canResume: boolean
  /** Answers may be given: the displayed status is active. */
  canInteract: boolean
  /** A pause or resume of this session is in flight (from any component, or another store call). */
  isPending: boolean
  /** Which change is in flight. */
  pendingAction: StatusAction | null
  /** The last change that succeeded, while no newer one is in flight or failed: drives the success message. */
  lastSucceeded: StatusAction | null
  /** The last change's failure, else why the session could not be loaded. */
  error: InterviewApiError | undefined
  /** The change that failed, to re-send with `retry()`. */
  failedAction: StatusAction | null
  /**
   * The latest pause or resume of this session, from any component: its `id` increases with every call in the store,
   * so a message can belong to a change made while it was mounted.
   */
  lastChange: InterviewChange | undefined
  pause: () => Promise<ControlResult>
  resume: () => Promise<ControlResult>
  /**
   * Re-sends the change that failed while the session's current status still allows it; otherwise (no failed change,
   * or one that took effect after all, as a timed-out pause the server made) reads the session again and resolves to
   * `undefined`.
   */
  retry: () => Promise<ControlResult | undefined>
}

interface Shortcuts {
  pause: () => Promise<ControlResult>
  resume: () => Promise<ControlResult>
  retry: () => Promise<ControlResult | undefined>
}

const shortcuts = new WeakMap<SendChange, Shortcuts>()

/**
 * `pause()`, `resume()` and `retry()` of one session: made once per session and store, like `send`. `retry()` reads
 * the latest change and the current status when it is called.
 */
function shortcutsOf(send: SendChange, runtime: SessionRuntime, sessionId: string, refetch: () => void): Shortcuts {
  let made = shortcuts.get(send)
  if (!made) {
    const key = sessionKey(sessionId)
    made = {
      pause: () => send('pause'),
      resume: () => send('resume'),
      async retry() {
        const { change, session } = sessionSource(runtime, key).read()
        const action = resendableAction(change, session?.status)
        if (action) return send(action)
        refetch()
        return undefined
      },
    }
    shortcuts.set(send, made)
  }
  return made
}

/** One pause or resume call: which, how it went (`pending`, `succeeded`, `failed`, `aborted`) and its error. */
export type InterviewChange = ChangeRecord

/**
 * State and actions to pause and resume one session: the headless core of `PauseButton` and `ResumeButton`. Every
 * component using it for the same session shares one pending state, one success and one error.
 *
 * @example
 * ```tsx
 * const { canPause, isPending, pause, error } = useInterviewControls(sessionId)
 * return <button disabled={!canPause} onClick={() => pause()}>{isPending ? 'Pausing…' : 'Pause'}</button>
 * ```
 */
export function useInterviewControls(sessionId: string): InterviewControls {
  const { runtime } = useKitInternals()
  const send = useChangeActions(sessionId)
  const view = useSessionView(sessionId)
  const { refetch, change } = view
  const status = view.session?.status
  const pendingAction = view.pending
  const failedAction = change?.status === 'failed' ? change.action : null
  const lastSucceeded = change?.status === 'succeeded' && pendingAction === null ? change.action : null

  const { pause, resume, retry } = shortcutsOf(send, runtime, sessionId, refetch)

  const isPending = pendingAction !== null
  return {
    status,
    canPause: canPause(status) && !isPending,
    canResume: canResume(status) && !isPending,
    canInteract: canInteract(status),
    isPending,
    pendingAction,
    lastSucceeded,
    error: shownError(view),
    failedAction,
    lastChange: change,
    pause,
    resume,
    retry,
  }
}
