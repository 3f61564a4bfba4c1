import { sessionKey } from '../model/index.js'

/** The tag every list variant provides: invalidating it refetches the mounted lists. */
export const LIST_TAG = { type: 'InterviewList', id: 'LIST' } as const

/** The tag of one list variant (`status` filter, or none): invalidating it refetches that list only. */
export const listTag = (status: string | undefined) => ({ type: 'InterviewList' as const, id: status ?? '' })

/** The tag of one session's detail entry. */
export const sessionTag = (sessionId: string) => ({ type: 'Interview' as const, id: sessionKey(sessionId) })
