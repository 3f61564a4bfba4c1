import type { InterviewSession } from 'interview-session-kit'
import type { MockSessionRecord, MockUser } from 'interview-session-kit/mocks'

export interface ManySessionsOptions {
  user?: { id: string; token: string }
  title?: (i: number) => string
  status?: (i: number) => InterviewSession['status']
}

/** The id of generated session `i`: a lowercase UUID. */
export const generatedId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

/**
 * A seed of `count` sessions of one user, session `i` updated `i` minutes after the first, so lists show the
 * highest `i` first.
 */
export function manySessions(
  count: number,
  options: ManySessionsOptions = {},
): { users: MockUser[]; sessions: MockSessionRecord[]; user: MockUser } {
  const user = options.user ?? { id: 'u1', token: 'token-u1' }
  const sessions: MockSessionRecord[] = Array.from({ length: count }, (_, i) => ({
    id: generatedId(i),
    ownerId: user.id,
    topicIds: ['t'],
    title: options.title?.(i) ?? `Session ${i}`,
    progress: 10,
    score: 50,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    interviewerId: 'iv',
    status: options.status?.(i) ?? 'active',
  }))
  return { users: [user], sessions, user }
}
