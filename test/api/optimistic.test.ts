import type { InterviewSession } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { BASE_URL, createHarness, flush, gate, hold, setupMockServer } from '../support/apiHarness'
import { manySessions } from '../support/manySessions'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const PAUSED_ID = DEMO_SESSION_IDS.paused

const ids = (list: InterviewSession[] | undefined) => (list ?? []).map((s) => s.id)
const statusIn = (list: InterviewSession[] | undefined, id: string) => list?.find((s) => s.id === id)?.status
const sortedByUpdatedAt = (list: InterviewSession[] | undefined) =>
  (list ?? []).every((s, i, all) => i === 0 || (all[i - 1]?.updatedAt ?? '') >= s.updatedAt)

/** Caches the detail of `id` and the unfiltered, active and paused lists, each kept mounted. */
async function mountViews(h: ReturnType<typeof createHarness>, id: string) {
  await h.store.dispatch(h.api.endpoints.getInterview.initiate(id))
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
  h.requests.length = 0
}

describe('optimistic status', () => {
  it('shows paused in the detail and every cached list variant the moment the pause starts', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const pausedBefore = h.list('paused')
    const detailBefore = h.detail(ID)
    const held = hold('pause')
    h.scenarios.push(held.rule)

    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))

    expect(h.detail(ID)?.status).toBe('paused')
    expect(statusIn(h.list(), ID)).toBe('paused')
    expect(ids(h.list('active'))).not.toContain(ID)
    expect(ids(h.list('paused'))).toContain(ID)
    expect(h.list('paused')).toHaveLength((pausedBefore?.length ?? 0) + 1)
    expect(sortedByUpdatedAt(h.list('paused'))).toBe(true)
    // Everything but the status is the server's copy.
    expect(h.detail(ID)).toEqual({ ...detailBefore, status: 'paused' })

    held.open()
    const result = await pausing
    expect(result.data?.status).toBe('paused')
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(h.list('paused')?.[0]).toEqual(h.db.get(ID))
  })

  it('mirrors the change for resume', async () => {
    const h = createHarness(mock)
    await mountViews(h, PAUSED_ID)
    const held = hold('resume')
    h.scenarios.push(held.rule)
    const resuming = h.store.dispatch(h.api.endpoints.resumeInterview.initiate(PAUSED_ID))
    expect(h.detail(PAUSED_ID)?.status).toBe('active')
    expect(statusIn(h.list(), PAUSED_ID)).toBe('active')
    expect(ids(h.list('paused'))).not.toContain(PAUSED_ID)
    expect(ids(h.list('active'))).toContain(PAUSED_ID)
    expect(sortedByUpdatedAt(h.list('active'))).toBe(true)
    held.open()
    await resuming
    await h.settle()
    expect(h.detail(PAUSED_ID)?.status).toBe('active')
    expect(h.db.get(PAUSED_ID)?.status).toBe('active')
  })

  it('does not create list variants that are not cached', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    const before = h.api.util.selectCachedArgsForQuery(h.store.getState(), 'listInterviews')
    await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await h.settle()
    expect(h.api.util.selectCachedArgsForQuery(h.store.getState(), 'listInterviews')).toEqual(before)
    expect(h.api.util.selectCachedArgsForQuery(h.store.getState(), 'getInterview')).toEqual([])
  })
})

describe('refetch races', () => {
  it('keeps the optimistic status when a detail refetch that started before the pause lands mid-flight', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const staleGet = hold('get', ID)
    const staleList = hold('list')
    h.scenarios.push(staleGet.rule, staleList.rule)
    const refetchDetail = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    const refetchList = h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }, { forceRefetch: true }))
    await flush()
    const pause = hold('pause')
    h.scenarios.push(pause.rule)
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()

    staleGet.open()
    staleList.open()
    await refetchDetail
    await refetchList
    // The stale answers said "active"; the pause is still in flight.
    expect(h.detail(ID)?.status).toBe('paused')
    expect(ids(h.list('active'))).not.toContain(ID)
    expect(ids(h.list('paused'))).toContain(ID)

    pause.open()
    await pausing
    await h.settle()
    expect(h.detail(ID)?.status).toBe('paused')
    expect(ids(h.list('active'))).not.toContain(ID)
    expect(h.list('paused')?.[0]?.id).toBe(ID)
  })

  it('does not flip back when a refetch that started before the pause answers after the pause succeeded', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const staleGet = hold('get', ID)
    h.scenarios.push(staleGet.rule)
    const refetch = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    await flush()
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.data?.status).toBe('paused')
    staleGet.open()
    await refetch
    expect(h.detail(ID)?.status).toBe('paused')
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it('keeps the copy a later read confirmed when an older read confirms it again, then a read sent between lands', async () => {
    const h = createHarness(mock)
    // One-second timestamps: the session goes active → paused → active within one second, `updatedAt` unchanged.
    const at = new Date(Date.parse((h.db.get(ID) as InterviewSession).updatedAt) + 1_000).toISOString().replace(/\.\d+Z$/, 'Z')
    h.db.update(ID, { updatedAt: at })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const first = hold('list')
    const second = hold('get', ID)
    h.scenarios.push(first.rule, second.rule)
    // Answered in the order sent (active, paused, active), heard in the order third, first, second.
    const firstRead = h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await vi.waitFor(() => expect(h.requests.some((r) => r.path === '/api/interviews')).toBe(true))
    h.db.update(ID, { status: 'paused', updatedAt: at })
    const secondRead = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    await vi.waitFor(() => expect(h.requests.filter((r) => r.path === `/api/interviews/${ID}`)).toHaveLength(2))
    h.db.update(ID, { status: 'active', updatedAt: at })
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    first.open()
    await firstRead
    second.open()
    await secondRead
    expect(h.db.get(ID)?.status).toBe('active')
    expect(h.detail(ID)?.status).toBe('active')
    expect(statusIn(h.list(), ID)).toBe('active')
    expect(ids(h.list('active'))).toContain(ID)
  })
})

describe('success', () => {
  it("writes the server's session into every cache entry, then refetches each mounted list once", async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    const server = h.db.get(ID)
    expect(result.data).toEqual(server)
    expect(h.detail(ID)).toEqual(server)
    expect(h.list()?.find((s) => s.id === ID)).toEqual(server)
    await h.settle()
    const gets = h.requests.filter((r) => r.method === 'GET').map((r) => r.path)
    expect(gets.sort()).toEqual(['/api/interviews', '/api/interviews?status=active', '/api/interviews?status=paused'])
  })

  it('refetches each mounted list at most once after a burst of ten pauses', async () => {
    const seed = manySessions(10)
    const { sessions } = seed
    const h = createHarness(mock, { seed, token: seed.user.token })
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    h.requests.length = 0
    const results = await Promise.all(sessions.map((s) => h.store.dispatch(h.api.endpoints.pauseInterview.initiate(s.id))))
    expect(results.every((r) => r.data?.status === 'paused')).toBe(true)
    await h.settle()
    const lists = h.requests.filter((r) => r.method === 'GET').map((r) => r.path)
    expect(lists.sort()).toEqual(['/api/interviews', '/api/interviews?status=active', '/api/interviews?status=paused'])
    expect(h.list('active')).toEqual([])
    expect(h.list('paused')).toHaveLength(10)
  })
})

describe('failure', () => {
  it.each([
    ['a 500', { kind: 'serverError' } as const, 'server'],
    ['a network error', { kind: 'networkError' } as const, 'network'],
  ])('removes the optimistic change after %s and revalidates', async (_name, scenario, kind) => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    h.scenarios.push({ endpoint: 'pause', times: 1, scenario })
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind })
    expect(h.detail(ID)?.status).toBe('active')
    expect(ids(h.list('active'))).toContain(ID)
    expect(ids(h.list('paused'))).not.toContain(ID)
    await h.settle()
    const gets = h.requests.filter((r) => r.method === 'GET').map((r) => r.path)
    expect(gets.sort()).toEqual([
      '/api/interviews',
      `/api/interviews/${ID}`,
      '/api/interviews?status=active',
      '/api/interviews?status=paused',
    ])
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it('shows the real status after a 404 for a session no longer active', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    h.db.update(ID, { status: 'completed' })
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toEqual({ kind: 'notFound', status: 404, error: 'Failed to pause interview' })
    await h.settle()
    expect(h.detail(ID)?.status).toBe('completed')
    expect(ids(h.list('active'))).not.toContain(ID)
    expect(ids(h.list('paused'))).not.toContain(ID)
    expect(statusIn(h.list(), ID)).toBe('completed')
  })

  it('never writes a stale snapshot over a newer answer that arrived while the pause was failing', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const failure = gate()
    mock.server.use(
      http.post(
        `${BASE_URL}/interviews/:id/pause`,
        async () => {
          await failure.promise
          return HttpResponse.json({ error: 'Internal server error' }, { status: 500 })
        },
        { once: true },
      ),
    )
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    // Another tab renames the session; a refetch brings the newer copy while the pause is in flight.
    h.db.update(ID, { title: 'Renamed elsewhere' })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(h.detail(ID)).toMatchObject({ title: 'Renamed elsewhere', status: 'paused' })
    failure.open()
    await pausing
    expect(h.detail(ID)).toMatchObject({ title: 'Renamed elsewhere', status: 'active' })
    expect(h.list()?.find((s) => s.id === ID)).toMatchObject({ title: 'Renamed elsewhere', status: 'active' })
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it('reverts only the session that failed when two are paused at once', async () => {
    const h = createHarness(mock)
    const other = DEMO_SESSION_IDS.active2
    await mountViews(h, ID)
    h.scenarios.push({ endpoint: 'pause', sessionId: other, scenario: { kind: 'serverError' } })
    const [ok, failed] = await Promise.all([
      h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID)),
      h.store.dispatch(h.api.endpoints.pauseInterview.initiate(other)),
    ])
    expect(ok.data?.status).toBe('paused')
    expect(failed.error).toMatchObject({ kind: 'server' })
    await h.settle()
    expect(statusIn(h.list(), ID)).toBe('paused')
    expect(statusIn(h.list(), other)).toBe('active')
    expect(ids(h.list('active'))).toEqual(expect.arrayContaining([other]))
    expect(ids(h.list('active'))).not.toContain(ID)
  })

  it('leaves caches untouched by a 403 on another user’s session', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const before = h.list()
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(DEMO_SESSION_IDS.bobActive))
    expect(result.error).toEqual({ kind: 'forbidden', status: 403, error: 'Forbidden' })
    await h.settle()
    expect(h.list()).toEqual(before)
    expect(ids(h.list())).not.toContain(DEMO_SESSION_IDS.bobActive)
  })
})

describe('one request per intent, serialized per session', () => {
  it('joins ten rapid pauses of one session into one POST', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))),
    )
    expect(results.map((r) => r.data?.status)).toEqual(Array(10).fill('paused'))
    expect(h.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('runs pause then an immediate resume in order, showing the latest intent throughout', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const held = hold('pause')
    h.scenarios.push(held.rule)
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    const resuming = h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))
    await flush()
    expect(h.detail(ID)?.status).toBe('active')
    expect(h.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/interviews/${ID}/pause`])
    held.open()
    const [paused, resumed] = await Promise.all([pausing, resuming])
    expect(paused.data?.status).toBe('paused')
    expect(resumed.data?.status).toBe('active')
    expect(h.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/interviews/${ID}/pause`,
      `/api/interviews/${ID}/resume`,
    ])
    await h.settle()
    expect(h.detail(ID)?.status).toBe('active')
    expect(h.db.get(ID)?.status).toBe('active')
  })
})

/** The server makes the next pause, then answers it with `answer()`: a 2xx whose body is not a session. */
const pauseMadeAnswering = (h: ReturnType<typeof createHarness>, answer: () => Response) =>
  http.post(
    `${BASE_URL}/interviews/:id/pause`,
    () => {
      h.db.update(ID, { status: 'paused' })
      return answer()
    },
    { once: true },
  )

describe('response validation', () => {
  it('surfaces invalidResponse after a pause the server did make, keeps it shown, and revalidates', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    mock.server.use(
      pauseMadeAnswering(
        h,
        () => new HttpResponse('<html>ok</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      ),
    )
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    expect(h.detail(ID)?.status).toBe('paused')
    await h.settle()
    expect(h.requests.some((r) => r.path === `/api/interviews/${ID}`)).toBe(true)
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(h.list('paused')?.[0]).toEqual(h.db.get(ID))
  })

  it('keeps the change after an unusable 2xx when the read that follows it fails', async () => {
    const h = createHarness(mock)
    // Only the session: no list read after the change brings its copy.
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    mock.server.use(
      pauseMadeAnswering(h, () => HttpResponse.json({ ok: true })),
      http.get(`${BASE_URL}/interviews/:id`, () => HttpResponse.json({ error: 'Internal server error' }, { status: 500 }), {
        once: true,
      }),
    )
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    await h.settle()
    // The server said it made the change: that stays shown, and the next read that succeeds brings its copy.
    expect(h.detail(ID)?.status).toBe('paused')
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it('keeps the change shown when a read that started before an unusable 2xx answers after it', async () => {
    const h = createHarness(mock)
    await mountViews(h, ID)
    const stale = hold('get', ID)
    const fresh = hold('get', ID)
    h.scenarios.push(stale.rule, fresh.rule)
    const staleRead = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    await vi.waitFor(() => expect(h.requests.some((r) => r.path === `/api/interviews/${ID}`)).toBe(true))
    await flush()
    mock.server.use(
      pauseMadeAnswering(h, () => HttpResponse.json({ unexpected: true })),
    )
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    expect(h.detail(ID)?.status).toBe('paused')
    // The read that started before the pause answers "active"; the server holds "paused".
    stale.open()
    await staleRead
    await flush()
    expect(h.detail(ID)?.status).toBe('paused')
    fresh.open()
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it.each([
    ['JSON of the wrong shape', { id: 42 }],
    ['a session missing fields', { id: ID, status: 'active' }],
    ['an array', []],
    ['an empty body', ''],
  ])('rejects %s from a read as invalidResponse without touching the cache', async (_name, body) => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const before = h.detail(ID)
    mock.server.use(
      http.get(`${BASE_URL}/interviews/:id`, () =>
        body === '' ? new HttpResponse(null, { status: 200 }) : HttpResponse.json(body),
      ),
    )
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(result.error).toMatchObject({ kind: 'invalidResponse' })
    expect(h.detail(ID)).toBe(before)
  })
})
