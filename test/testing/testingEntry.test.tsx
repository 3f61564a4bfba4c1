import { render, screen } from '@testing-library/react'
import { PauseButton, SessionStatus } from 'interview-session-kit'
import { ko } from 'interview-session-kit/locales/ko'
import { createTestInterviewKit, DEMO_SESSION_IDS, setupInterviewServer } from 'interview-session-kit/testing'
import { describe, expect, it } from 'vitest'

const server = setupInterviewServer()
const ID = DEMO_SESSION_IDS.active

describe('createTestInterviewKit', () => {
  it('gives each test its own db, store and providers, and starts no server of its own', async () => {
    const first = createTestInterviewKit()
    const second = createTestInterviewKit()
    expect(first.db).not.toBe(second.db)
    expect(first.store).not.toBe(second.store)
    expect(first.Wrapper).not.toBe(second.Wrapper)
    // Nothing answers until its handlers are on the test's server: the kit started none of its own.
    const unanswered = await first.store.dispatch(first.api.endpoints.getInterview.initiate(ID))
    expect(unanswered.error).toMatchObject({ kind: 'network' })
    server.use(...first.handlers)
    await first.store.dispatch(first.api.endpoints.pauseInterview.initiate(ID))
    expect(first.db.get(ID)?.status).toBe('paused')
    expect(second.db.get(ID)?.status).toBe('active')
  })

  it('renders in the given language and with the given failure scenarios', async () => {
    const kit = createTestInterviewKit({ messages: ko, scenarios: [{ endpoint: 'get', scenario: { kind: 'serverError' } }] })
    server.use(...kit.handlers)
    render(<SessionStatus sessionId={ID} />, { wrapper: kit.Wrapper })
    expect(await screen.findByText(ko.statusUnavailable)).toBeVisible()
  })

  it('signs nobody in with user: null', async () => {
    const kit = createTestInterviewKit({ user: null })
    server.use(...kit.handlers)
    render(<PauseButton sessionId={ID} />, { wrapper: kit.Wrapper })
    await kit.settle()
    expect(screen.queryByRole('button')).toBeNull()
    expect(kit.api.endpoints.getInterview.select(ID)(kit.store.getState()).error).toMatchObject({ kind: 'unauthorized' })
  })
})
