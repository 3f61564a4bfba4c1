/** The messages a composed part shows for a session: its failure (`SessionError`) or its success (`SessionNotice`). */
export type FeedbackKind = 'error' | 'notice'

/**
 * Which sessions' messages are shown by parts the host placed itself, so that the provider's feedback does not show
 * them a second time.
 */
export interface FeedbackCoverage {
  /** A part shows `kind` messages for session `key` while mounted; returns the function that ends it. */
  cover(key: string, kind: FeedbackKind): () => void
  covered(key: string, kind: FeedbackKind): boolean
  subscribe(listener: () => void): () => void
  /** Changes whenever the coverage does. */
  version(): number
}

export function createFeedbackCoverage(): FeedbackCoverage {
  const counts = new Map<string, number>()
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
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    version: () => version,
  }
}
