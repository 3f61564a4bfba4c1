import type { InterviewApiError } from './InterviewApiError.js'

/** Tracks request order so that a burst of 401s reports once. */
export interface UnauthorizedNotifier {
  /** Call when a request starts; returns its sequence number. */
  begin(): number
  /** Call when request `seq` ended unauthorized. */
  report(seq: number, error: InterviewApiError): void
}

/**
 * Calls `onUnauthorized` once per burst. Requests that started before the last notification were sent with the same
 * (now rejected) credentials, so their 401s belong to that burst; a request that starts after it had the chance to
 * use a refreshed token, and its 401 is news.
 */
export function createUnauthorizedNotifier(
  onUnauthorized: ((error: InterviewApiError) => void) | undefined,
): UnauthorizedNotifier {
  let started = 0
  let barrier = 0
  return {
    begin: () => started++,
    report(seq, error) {
      if (!onUnauthorized || seq < barrier) return
      barrier = started
      onUnauthorized(error)
    },
  }
}
