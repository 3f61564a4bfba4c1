import type { InterviewSession } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { describe, expect, it } from 'vitest'
import { createHarness, flush, hold, setupMockServer } from '../support/apiHarness'

// Bugs the race model found, each replayed as the shortest example that showed it.
const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

const find = (list: InterviewSession[] | undefined, id: string) => list?.find((session) => session.id === id)
const mostRecentFirst = (list: InterviewSession[] | undefined) =>
  (list ?? []).every((session, i, all) => i === 0 || (all[i - 1]?.updatedAt ?? '') >= session.updatedAt)

async function mountViews(h: ReturnType<typeof createHarness>) {
  await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
  await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
}

describe('regressions found by the race model', () => {
  it("keeps a newer copy read after the pause when the pause's own answer arrives later", async () => {
    const h = createHarness(mock)
    await mountViews(h)
    const held = hold('pause')
    h.scenarios.push(held.rule)
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    // The server paused (its answer is on the way); then another tab renames the session and a refetch reads that.
    h.db.update(ID, { title: 'Renamed in another tab' })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(h.detail(ID)).toMatchObject({ title: 'Renamed in another tab', status: 'paused' })

    held.open()
    await pausing
    expect(h.detail(ID)).toMatchObject({ title: 'Renamed in another tab', status: 'paused' })
    expect(find(h.list(), ID)).toMatchObject({ title: 'Renamed in another tab' })
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it("shows the server's later status, not the pause's older answer, when another tab resumed in between", async () => {
    const h = createHarness(mock)
    await mountViews(h)
    const held = hold('pause')
    h.scenarios.push(held.rule)
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    h.db.update(ID, { status: 'active' })
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate(undefined, { forceRefetch: true }))

    held.open()
    await pausing
    await h.settle()
    // Before the fix the pause's answer (older) was written over the newer read: the detail said paused for good.
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(h.detail(ID)?.status).toBe('active')
    expect(find(h.list('active'), ID)).toEqual(h.db.get(ID))
    expect(find(h.list('paused'), ID)).toBeUndefined()
  })

  it('keeps a list most recently updated first when a newer copy held elsewhere replaces a stale one in it', async () => {
    const h = createHarness(mock)
    const renamed = DEMO_SESSION_IDS.active3
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    const held = hold('list')
    h.scenarios.push(held.rule)
    // The unfiltered list is read (answer held), then another tab renames a session, then the active list reads that.
    const stale = h.store.dispatch(h.api.endpoints.listInterviews.initiate(undefined, { forceRefetch: true }))
    await flush()
    h.db.update(renamed, { title: 'Renamed in another tab' })
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }, { forceRefetch: true }))
    expect(h.list('active')?.[0]?.id).toBe(renamed)

    held.open()
    await stale
    // The unfiltered list takes the newer copy from the active list: it must also take its place, first.
    expect(find(h.list(), renamed)).toEqual(h.db.get(renamed))
    expect(h.list()?.[0]?.id).toBe(renamed)
    expect(mostRecentFirst(h.list())).toBe(true)
  })
})
