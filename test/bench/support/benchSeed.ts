import type { InterviewStatus } from 'interview-session-kit'
import type { MockSeed, MockSessionRecord } from 'interview-session-kit/mocks'

/** The one user of every bench db, and the token the three implementations send. */
export const BENCH_USER = { id: 'u1', token: 'token-u1' } as const

/** The fixed latency of every mock answer, the same for the three implementations. */
export const LATENCY_MS = 200

/** List sizes the bench runs at. */
export const SIZES = [100, 1_000, 10_000] as const

/** The id of session `i` (a lowercase UUID, as the mock db requires). */
export function sessionId(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
}

/** The title of session `i`; unique, so rows are found by their accessible name. */
export function sessionTitle(i: number): string {
  return `Session ${i}`
}

/** Most sessions are active; every tenth is paused and every tenth (offset) completed, so all three lists have rows. */
export function seedStatus(i: number): InterviewStatus {
  if (i % 10 === 7) return 'paused'
  if (i % 10 === 8) return 'completed'
  return 'active'
}

/** `size` sessions of one user, session `i` updated `i` minutes after the first: the list shows the highest `i` first. */
export function benchSeed(size: number): MockSeed {
  const sessions: MockSessionRecord[] = Array.from({ length: size }, (_, i) => ({
    id: sessionId(i),
    ownerId: BENCH_USER.id,
    topicIds: ['t'],
    title: sessionTitle(i),
    progress: 10,
    score: 50,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    interviewerId: 'iv',
    status: seedStatus(i),
  }))
  return { users: [{ ...BENCH_USER }], sessions }
}

/** How many rows each list shows for a seed of `size` sessions. */
export function expectedRows(size: number, filter: ListFilter): number {
  let count = 0
  for (let i = 0; i < size; i += 1) if (filter === 'all' || seedStatus(i) === filter) count += 1
  return count
}

/** Where targets start: this many rows below the top of the all-sessions list. */
export const TARGET_DEPTH = 50

/**
 * `count` active sessions (after skipping `skip`) in list order, starting {@link TARGET_DEPTH} rows below the top:
 * the same targets for every implementation, and a pause moves its row the same ~50 places up (to the top, as the
 * most recently updated) at every list size. (From the middle, React re-inserts every row above the moved one; jsdom
 * makes each insertion O(n), and a pause at 10,000 rows took 5–15 s of bench time for nothing the table reports.)
 */
export function activeTargets(size: number, count: number, skip = 0): number[] {
  const found: number[] = []
  for (let i = size - 1 - Math.min(TARGET_DEPTH, Math.floor(size / 2)); i >= 0 && found.length < count + skip; i -= 1) {
    if (seedStatus(i) === 'active') found.push(i)
  }
  return found.slice(skip)
}

/** The three list views the bench mounts. */
export type ListFilter = 'all' | 'active' | 'paused'
