import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import { useInterviewSessions, type InterviewStatus } from 'interview-session-kit'
import type { MockSeed } from 'interview-session-kit/mocks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { flush, gate, setupMockServer } from '../support/apiHarness'
import { manySessions } from '../support/manySessions'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const COUNT = 100
const REPETITIONS = 10
const USER = { id: 'load-user', token: 'token-load-user' }
const LISTS = ['all', 'active', 'paused'] as const
const LIST_PATHS = { all: '/api/interviews', active: '/api/interviews?status=active', paused: '/api/interviews?status=paused' }

function loadSeed(): MockSeed {
  return manySessions(COUNT, { user: USER, title: (i) => `Load session ${i}` })
}

function List({ status }: { status?: InterviewStatus }) {
  const { sessions } = useInterviewSessions(status ? { status } : {})
  return (
    <ul aria-label={`${status ?? 'all'} sessions`}>
      {sessions?.map((session) => (
        <li key={session.id}>
          {session.title}: {session.status}
        </li>
      ))}
    </ul>
  )
}

const rows = (name: (typeof LISTS)[number]) => within(screen.getByRole('list', { name: `${name} sessions` })).queryAllByRole('listitem')

/** `globalThis.gc` when node runs with --expose-gc; else V8's own gc, reached through a flag set at runtime. */
function findGc(): { gc: (() => void) | undefined; how: string } {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return { gc: exposed, how: 'globalThis.gc' }
  try {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as unknown
    if (typeof gc === 'function') return { gc: gc as () => void, how: 'v8 --expose-gc set at runtime' }
  } catch {
    // Not available in this runtime: fall back to heap figures without a forced collection.
  }
  return { gc: undefined, how: 'no gc: heap after a few turns of the event loop' }
}

async function heapAfterGc(gc: (() => void) | undefined): Promise<number> {
  for (let round = 0; round < 3; round += 1) {
    await flush(2)
    gc?.()
  }
  return process.memoryUsage().heapUsed
}

const rejections: unknown[] = []
const onRejection = (reason: unknown) => rejections.push(reason)
let consoleError: MockInstance
beforeEach(() => {
  rejections.length = 0
  process.on('unhandledRejection', onRejection)
  consoleError = vi.spyOn(console, 'error')
})
afterEach(() => {
  process.off('unhandledRejection', onRejection)
  consoleError.mockRestore()
})

describe('load: a hundred sessions at once', () => {
  it(
    `pauses then resumes ${COUNT} sessions with three lists mounted, ${REPETITIONS} times, without growing the heap`,
    async () => {
      const { gc, how } = findGc()
      const heap: number[] = []
      const refetches: Record<string, number>[] = []

      for (let rep = 0; rep < REPETITIONS; rep += 1) {
        const kit = renderWithKit(
          mock,
          <main>
            <List />
            <List status="active" />
            <List status="paused" />
          </main>,
          { seed: loadSeed(), token: USER.token },
        )
        const ids = kit.db.list().map((session) => session.id)
        await waitFor(() => expect(rows('all')).toHaveLength(COUNT))
        await waitFor(() => expect(rows('active')).toHaveLength(COUNT))

        for (const [action, shown] of [['pause', 'paused'], ['resume', 'active']] as const) {
          const other = shown === 'paused' ? 'active' : 'paused'
          const release = gate()
          kit.scenarios.push({ endpoint: action, times: COUNT, scenario: { kind: 'hold', release: release.promise } })
          mock.log.length = 0
          const endpoint = action === 'pause' ? kit.api.endpoints.pauseInterview : kit.api.endpoints.resumeInterview
          const list = (status: InterviewStatus) => kit.api.endpoints.listInterviews.select({ status })(kit.store.getState()).data
          let results: { data?: { status: string }; error?: unknown }[] = []
          await act(async () => {
            const calls = ids.map((id) => kit.store.dispatch(endpoint.initiate(id)))
            await flush()
            // Every answer is held: all hundred already show the intent, in every mounted list.
            expect(list(shown)).toHaveLength(COUNT)
            expect(list(other)).toEqual([])
            release.open()
            results = await Promise.all(calls)
          })
          expect(results.filter((result) => result.data?.status === shown)).toHaveLength(COUNT)
          await waitFor(() => {
            const running = [
              ...kit.store.dispatch(kit.api.util.getRunningQueriesThunk()),
              ...kit.store.dispatch(kit.api.util.getRunningMutationsThunk()),
            ]
            expect(running).toHaveLength(0)
            expect(rows(shown)).toHaveLength(COUNT)
            expect(rows(other)).toHaveLength(0)
            expect(rows('all').every((row) => row.textContent?.endsWith(`: ${shown}`))).toBe(true)
          })
          expect(kit.db.list().every((session) => session.status === shown)).toBe(true)
          expect(kit.posts()).toHaveLength(COUNT)
          const gets = Object.fromEntries(
            LISTS.map((name) => [name, mock.log.filter((r) => r.method === 'GET' && r.path === LIST_PATHS[name]).length]),
          )
          expect(mock.log.filter((r) => r.method === 'GET').length).toBe(Object.values(gets).reduce((a, b) => a + b, 0))
          for (const name of LISTS) expect(gets[name], `refetches of list:${name} after the ${action} burst`).toBeLessThanOrEqual(1)
          refetches.push({ ...gets })
        }
        // Unmount and drop the containers (RTL keeps them until its cleanup). Unsubscribed entries stay cached for RTK's
        // keepUnusedDataFor (60 s, on a timer that holds the store, ~1 MB a repetition here): tear the cache down as an
        // app does on sign-out, so the figure measures what survives a repetition, not that timer.
        cleanup()
        kit.store.dispatch(kit.api.util.resetApiState())
        mock.log.length = 0
        heap.push(await heapAfterGc(gc))
      }

      expect(rejections).toEqual([])
      const actWarnings = consoleError.mock.calls.filter((args) => args.join(' ').includes('not wrapped in act'))
      expect(actWarnings).toEqual([])

      const mb = (bytes: number) => bytes / 1024 / 1024
      const [first = 0, last = 0] = [heap[0], heap.at(-1)]
      console.log(
        `load: heap after gc (${how}) per repetition, MB: ${heap.map((bytes) => mb(bytes).toFixed(1)).join(', ')}\n` +
          `load: first ${mb(first).toFixed(1)} MB, last ${mb(last).toFixed(1)} MB, growth ${mb(last - first).toFixed(1)} MB\n` +
          `load: list refetches per burst (all/active/paused): ${refetches.map((r) => `${r.all}/${r.active}/${r.paused}`).join(' ')}`,
      )
      // Generous on purpose: this catches a leak of the store, the runtime or the lists per repetition, not noise.
      expect(mb(last - first)).toBeLessThan(gc ? 20 : 50)
    },
    300_000,
  )
})
