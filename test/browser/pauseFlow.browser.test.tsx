import { render, screen, waitFor } from '@testing-library/react'
import { InterviewControls, InterviewKitProvider, SessionStatus } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import type { SetupWorker } from 'msw/browser'
import { Provider } from 'react-redux'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { createStoryKit, type StoryKit } from '../../stories/support/createStoryKit'
import { startMockWorker } from '../../stories/support/startMockWorker'

const ID = DEMO_SESSION_IDS.active
let worker: SetupWorker
const kits: StoryKit[] = []

beforeAll(async () => {
  worker = await startMockWorker()
})
afterEach(() => {
  for (const kit of kits.splice(0)) kit.dispose()
  worker.resetHandlers()
})
afterAll(() => worker.stop())

/** A fresh db, its handlers in the real service worker, and a fresh api and store, rendered as Alice. */
function renderControls(options: Parameters<typeof createStoryKit>[0] = { user: 'alice' }): StoryKit {
  const kit = createStoryKit(options)
  kits.push(kit)
  worker.use(...kit.handlers)
  render(
    <Provider store={kit.store}>
      <InterviewKitProvider api={kit.api}>
        <SessionStatus sessionId={ID} />
        <InterviewControls sessionId={ID} />
      </InterviewKitProvider>
    </Provider>,
  )
  return kit
}

const badge = () => screen.getAllByRole('status')[0]

describe('pausing through the MSW service worker in Chromium', () => {
  it('is served by the real mockServiceWorker.js', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).toMatch(/\/mockServiceWorker\.js$/)
  })

  it('shows Paused while the server holds its answer, then offers Resume', async () => {
    const kit = renderControls()
    await waitFor(() => expect(badge()).toHaveTextContent('Active'))
    const release = kit.hold('pause')

    await userEvent.click(screen.getByRole('button', { name: 'Pause interview' }))

    await waitFor(() => expect(badge()).toHaveTextContent('Paused'))
    expect(badge()).toHaveAttribute('data-pending')
    expect(screen.getByRole('button', { name: 'Pause interview' })).toHaveTextContent('Pausing…')
    expect(screen.queryByRole('button', { name: 'Resume interview' })).toBeNull()
    // The server made the change on arrival; only its answer is held.
    await waitFor(() => expect(kit.db.get(ID)?.status).toBe('paused'))

    release()
    await screen.findByRole('button', { name: 'Resume interview' })
    expect(badge()).not.toHaveAttribute('data-pending')
    expect(screen.getByText('Interview paused')).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('button', { name: 'Pause interview' })).toBeNull()
  })

  it('reverts after a network error and succeeds on Retry', async () => {
    const kit = renderControls({ user: 'alice', scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'networkError' } }] })
    await waitFor(() => expect(badge()).toHaveTextContent('Active'))

    await userEvent.click(screen.getByRole('button', { name: 'Pause interview' }))

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the server. Check your connection and try again.'),
    )
    await waitFor(() => expect(badge()).toHaveTextContent('Active'))
    expect(kit.db.get(ID)?.status).toBe('active')

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))

    await screen.findByRole('button', { name: 'Resume interview' })
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(badge()).toHaveTextContent('Paused')
    expect(kit.db.get(ID)?.status).toBe('paused')
  })
})
