import type { InterviewApiError } from '../api/index.js'
import type { InterviewSession, InterviewStatus } from '../model/index.js'
import { useInterviewKit } from './InterviewKitContext.js'

/** Options of {@link useInterviewSessions}. */
export interface UseInterviewSessionsOptions {
  /** Only sessions in this status. Omit for all of the user's sessions. */
  status?: InterviewStatus
}

/** What {@link useInterviewSessions} returns. */
export interface InterviewSessionsState {
  /** Most recently updated first; a session being paused or resumed already shows, or leaves, where it will be. */
  sessions: InterviewSession[] | undefined
  isLoading: boolean
  error: InterviewApiError | undefined
  refetch: () => void
}

const EMPTY: UseInterviewSessionsOptions = {}

/**
 * The user's sessions, for list views. The list re-renders when any session in it changes (a new array); render
 * rows by `sessionId` with memoized row components (`React.memo`) so that pausing one session re-renders one row.
 *
 * @example
 * ```tsx
 * const { sessions } = useInterviewSessions({ status: 'paused' })
 * return <ul>{sessions?.map((s) => <Row key={s.id} sessionId={s.id} />)}</ul>
 * ```
 */
export function useInterviewSessions(options: UseInterviewSessionsOptions = EMPTY): InterviewSessionsState {
  const { api } = useInterviewKit()
  const arg = options.status ? { status: options.status } : undefined
  const { sessions, isLoading, error, refetch } = api.endpoints.listInterviews.useQuery(arg, {
    selectFromResult: (result) => ({
      sessions: result.data,
      isLoading: result.isLoading,
      error: result.error as InterviewApiError | undefined,
    }),
  })
  return {
    sessions,
    isLoading,
    error,
    refetch: () => {
      void refetch()
    },
  }
}
