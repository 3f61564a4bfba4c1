// Retry is offered only when sending again can help, and keeps keyboard focus on a control.
import { act, screen, waitFor, within } from '@testing-library/react'
import {
  InterviewControls,
  PauseButton,
  ResumeButton,
  RetryButton,
  SessionError,
  SessionStatus,
  useInterviewControls,
  type ControlResult,
} from 'interview-session-kit'
import { createHold } from 'interview-session-kit/mocks'
import { DEMO_SESSION_IDS, renderWithInterviewKit, setupInterviewServer } from 'interview-session-kit/testing'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const server = setupInterviewServer()
const A = DEMO_SESSION_IDS.active
const TIMEOUT = 'The server took too long to answer. Please try again.'
const NETWORK = 'Could not reach the server. Check your connection and try again.'
const NOT_FOUND = 'This interview was not found or its status has changed.'

// What reached the mock server: `METHOD path`, in order.
let requests: string[] = []
const onRequest = ({ request }: { request: Request }) => void requests.push(`${request.method} ${new URL(request.url).pathname}`)
beforeEach(() => {
  requests = []
  server.events.on('request:start', onRequest)
})
afterEach(() => void server.events.removeListener('request:start', onRequest))
const pauses = () => requests.filter((request) => request === `POST /api/interviews/${A}/pause`)

/** A timeout whose pause still reached the server: it answers after the client gave up. */
const lateAnswer = { api: { timeoutMs: 100 }, scenarios: [{ endpoint: 'pause' as const, times: 1, scenario: { kind: 'slow' as const, ms: 300 } }] }

const Alone = () => (
  <main>
    <SessionStatus sessionId={A} /> <PauseButton sessionId={A} /> <ResumeButton sessionId={A} />
  </main>
)

describe('after a timeout whose change reached the server', () => {
  it('offers no Retry once the session reads as paused (InterviewControls)', async () => {
    const { user, settle, db } = renderWithInterviewKit(<InterviewControls sessionId={A} />, { server, ...lateAnswer })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    expect(await screen.findByText(TIMEOUT)).toBeVisible()
    await act(() => settle())
    expect(db.get(A)?.status).toBe('paused')
    expect(await screen.findByRole('button', { name: 'Resume interview' })).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('offers no Retry in the provider’s alert once the session reads as paused', async () => {
    const { user, settle } = renderWithInterviewKit(<Alone />, { server, ...lateAnswer })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(TIMEOUT))
    await act(() => settle())
    expect(await screen.findByRole('button', { name: 'Resume interview' })).toBeVisible()
    expect(within(screen.getByRole('alert')).queryByRole('button', { name: 'Retry' })).toBeNull()
  })

  it('reads the session again on retry() rather than sending the pause a second time', async () => {
    const results: (ControlResult | undefined)[] = []
    function HostRetry() {
      const { retry } = useInterviewControls(A)
      return (
        <button type="button" onClick={() => void retry().then((result) => results.push(result))}>
          Try again
        </button>
      )
    }
    const { user, settle } = renderWithInterviewKit(
      <>
        <InterviewControls sessionId={A} />
        <HostRetry />
      </>,
      { server, ...lateAnswer },
    )
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    expect(await screen.findByText(TIMEOUT)).toBeVisible()
    await act(() => settle())
    await screen.findByRole('button', { name: 'Resume interview' })

    const reads = requests.length
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await act(() => settle())
    expect(results).toEqual([undefined])
    expect(pauses()).toHaveLength(1)
    expect(requests.slice(reads)).toContain(`GET /api/interviews/${A}`)
    expect(screen.queryByText(NOT_FOUND, { exact: false })).toBeNull()
  })
})

/**
 * Renders `ui` with the next `times` pauses getting no answer, and presses Pause with the keyboard (focus on it, then
 * Enter).
 */
async function pauseFailsByKeyboard(ui: ReactElement, times = 1) {
  const kit = renderWithInterviewKit(ui, {
    server,
    scenarios: [{ endpoint: 'pause', times, scenario: { kind: 'networkError' } }],
  })
  await screen.findByRole('button', { name: 'Pause interview' }).then((button) => act(() => button.focus()))
  await kit.user.keyboard('{Enter}')
  return kit
}

describe('focus after Retry', () => {
  it('goes to the Resume button when Retry of InterviewControls was activated with the keyboard', async () => {
    const { user, settle } = await pauseFailsByKeyboard(<InterviewControls sessionId={A} />)
    const retry = await screen.findByRole('button', { name: 'Retry' })
    act(() => retry.focus())
    await user.keyboard('{Enter}')
    const resume = await screen.findByRole('button', { name: 'Resume interview' })
    await act(() => settle())
    expect(document.activeElement).not.toBe(document.body)
    expect(resume).toHaveFocus()
  })

  it('goes to the Resume button when Retry of the provider’s alert was activated with the keyboard', async () => {
    const { user, settle } = await pauseFailsByKeyboard(<Alone />)
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(NETWORK))
    act(() => within(alert).getByRole('button', { name: 'Retry' }).focus())
    await user.keyboard('{Enter}')
    const resume = await screen.findByRole('button', { name: 'Resume interview' })
    await act(() => settle())
    expect(document.activeElement).not.toBe(document.body)
    expect(resume).toHaveFocus()
  })

  it('goes to the Resume button when a keyboard Retry is refused because the session was paused elsewhere', async () => {
    const { user, settle, db } = await pauseFailsByKeyboard(<InterviewControls sessionId={A} />)
    const retry = await screen.findByRole('button', { name: 'Retry' })
    await act(() => settle())
    // Another device pauses it: the retried pause is refused (404), and the session is read again.
    db.update(A, { status: 'paused' })
    act(() => retry.focus())
    await user.keyboard('{Enter}')
    const resume = await screen.findByRole('button', { name: 'Resume interview' })
    await act(() => settle())
    expect(resume).toHaveFocus()
  })

  it('is not taken by a button that appears after the user clicked elsewhere', async () => {
    const { user, settle, db, store, api } = renderWithInterviewKit(
      <>
        <div>
          <PauseButton sessionId={A} />
          <ResumeButton sessionId={A} />
        </div>
        <p>Some text</p>
      </>,
      { server, scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } }] },
    )
    await screen.findByRole('button', { name: 'Pause interview' }).then((button) => act(() => button.focus()))
    await user.keyboard('{Enter}')
    await screen.findByText('The server could not complete the request. Please try again.')
    await act(() => settle())
    await user.click(screen.getByText('Some text'))
    // Minutes later, the session is paused elsewhere and read again.
    db.update(A, { status: 'paused' })
    await act(async () => {
      await store.dispatch(api.endpoints.getInterview.initiate(A, { subscribe: false, forceRefetch: true }))
    })
    await act(() => settle())
    expect(await screen.findByRole('button', { name: 'Resume interview' })).not.toHaveFocus()
  })

  it('stays on the Retry of the provider’s alert when it fails again', async () => {
    const { user, settle } = await pauseFailsByKeyboard(<Alone />, 2)
    await screen.findByText(NETWORK)
    act(() => screen.getByRole('button', { name: 'Retry' }).focus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(pauses()).toHaveLength(2))
    await act(() => settle())
    expect(screen.getByText(NETWORK)).toBeVisible()
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus()
  })
})

describe('RetryButton', () => {
  it('does nothing when the host marks it aria-disabled', async () => {
    const { user, settle, db } = renderWithInterviewKit(
      <>
        <PauseButton sessionId={A} />
        <SessionError sessionId={A} />
        <RetryButton sessionId={A} aria-disabled="true" />
      </>,
      { server, scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'networkError' } }] },
    )
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    const retry = await screen.findByRole('button', { name: 'Retry' })
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    await user.click(retry)
    await act(() => settle())
    expect(pauses()).toHaveLength(1)
    expect(db.get(A)?.status).toBe('active')
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  it('stays in place, focusable and marked pending, while its retry is in flight', async () => {
    const hold = createHold()
    const { user, handlers } = renderWithInterviewKit(<InterviewControls sessionId={A} />, {
      server,
      scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } }],
    })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    const retry = await screen.findByRole('button', { name: 'Retry' })
    expect(retry).toHaveAttribute('data-state', 'active')
    handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: hold.scenario })
    await user.click(retry)
    await waitFor(() => expect(retry).toHaveAttribute('data-pending', ''))
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    expect(retry).toHaveFocus()
    await user.click(retry)
    expect(pauses()).toHaveLength(2)

    hold.release()
    expect(await screen.findByRole('button', { name: 'Resume interview' })).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })
})
