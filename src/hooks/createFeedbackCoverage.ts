/** Which of a session's messages a part shows: its failures (`SessionError`) or its successes (`SessionNotice`). */
export type FeedbackKind = 'error' | 'notice'

/**
 * Who shows the outcome of each pause and resume of one store, so that no message shows twice: the parts the host
 * placed (`SessionError`, `SessionNotice`) for their sessions, and one `InterviewFeedback` for the rest. One per store
 * runtime, shared by every provider on that store.
 */
export interface FeedbackCoverage {
  /**
   * A part shows `kind` messages of session `key` while mounted, those of changes after record `since` (a notice does
   * not show a success that was over when it mounted, so the feedback that shows it keeps it); returns the function
   * that ends it.
   */
  cover(key: string, kind: FeedbackKind, since?: number): () => void
  /** Whether a mounted part shows the `kind` message of record `id` of session `key`. */
  covered(key: string, kind: FeedbackKind, id: number): boolean
  /**
   * Record `id` of session `key` was shown (by a part, or dismissed, or its time is up): the provider's feedback never
   * shows it, nor an older record of that session, even once that part is gone.
   */
  markShown(key: string, id: number): void
  wasShown(key: string, id: number): boolean
  /**
   * An `InterviewFeedback` is mounted (`placed` by the host itself, or rendered by a provider); returns the function
   * that ends it. Only one of them shows the outcomes: the first placed by the host, else the first mounted.
   */
  present(feedback: object, placed: boolean): () => void
  /** Whether `feedback` is the one that shows the outcomes. */
  shows(feedback: object): boolean
  subscribe(listener: () => void): () => void
  /** Changes whenever the coverage does. */
  version(): number
}

/** A {@link FeedbackCoverage}: one per store (see `sharedByRuntime`). */
export function createFeedbackCoverage(): FeedbackCoverage {
  // The `since` of every mounted part, by `kind:key`.
  const covers = new Map<string, number[]>()
  // Per session, the latest record shown: a session's records only grow, one per change, so this stays one number
  // per session that had an outcome (as the change log itself).
  const shownThrough = new Map<string, number>()
  const feedbacks: { feedback: object; placed: boolean }[] = []
  const listeners = new Set<() => void>()
  let version = 0
  const changed = () => {
    version += 1
    for (const listener of [...listeners]) listener()
  }
  return {
    cover(key, kind, since = 0) {
      const id = `${kind}:${key}`
      const list = covers.get(id) ?? []
      covers.set(id, [...list, since])
      changed()
      return () => {
        const rest = [...(covers.get(id) ?? [])]
        rest.splice(rest.indexOf(since), 1)
        if (rest.length === 0) covers.delete(id)
        else covers.set(id, rest)
        changed()
      }
    },
    covered: (key, kind, id) => covers.get(`${kind}:${key}`)?.some((since) => id > since) ?? false,
    markShown(key, id) {
      if ((shownThrough.get(key) ?? 0) >= id) return
      shownThrough.set(key, id)
      changed()
    },
    wasShown: (key, id) => (shownThrough.get(key) ?? 0) >= id,
    present(feedback, placed) {
      const entry = { feedback, placed }
      feedbacks.push(entry)
      changed()
      return () => {
        feedbacks.splice(feedbacks.indexOf(entry), 1)
        changed()
      }
    },
    shows: (feedback) => (feedbacks.find((entry) => entry.placed) ?? feedbacks[0])?.feedback === feedback,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    version: () => version,
  }
}
