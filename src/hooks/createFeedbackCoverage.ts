/** The messages a composed part shows for a session: its failure (`SessionError`) or its success (`SessionNotice`). */
export type FeedbackKind = 'error' | 'notice'

/**
 * Who shows the outcome of each pause and resume of one store, so that no message shows twice: the parts the host
 * placed (`SessionError`, `SessionNotice`) for their sessions, and one `InterviewFeedback` for the rest. One per store
 * runtime, shared by every provider on that store.
 */
export interface FeedbackCoverage {
  /** A part shows `kind` messages for session `key` while mounted; returns the function that ends it. */
  cover(key: string, kind: FeedbackKind): () => void
  covered(key: string, kind: FeedbackKind): boolean
  /**
   * Change record `id` was shown (by a part, or dismissed), or was over before the part that covers its session
   * mounted: the provider's feedback never shows it, even once that part is gone.
   */
  markShown(id: number): void
  wasShown(id: number): boolean
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

// Record ids only grow: the oldest shown ones can be forgotten, their records long replaced.
const SHOWN_KEPT = 500

/** A {@link FeedbackCoverage}: one per store (see `sharedByRuntime`). */
export function createFeedbackCoverage(): FeedbackCoverage {
  const counts = new Map<string, number>()
  const shown = new Set<number>()
  const feedbacks: { feedback: object; placed: boolean }[] = []
  const listeners = new Set<() => void>()
  let version = 0
  const changed = () => {
    version += 1
    for (const listener of [...listeners]) listener()
  }
  return {
    cover(key, kind) {
      const id = `${kind}:${key}`
      counts.set(id, (counts.get(id) ?? 0) + 1)
      changed()
      return () => {
        const left = (counts.get(id) ?? 1) - 1
        if (left === 0) counts.delete(id)
        else counts.set(id, left)
        changed()
      }
    },
    covered: (key, kind) => counts.has(`${kind}:${key}`),
    markShown(id) {
      if (shown.has(id)) return
      shown.add(id)
      if (shown.size > SHOWN_KEPT) shown.delete(shown.values().next().value as number)
      changed()
    },
    wasShown: (id) => shown.has(id),
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
