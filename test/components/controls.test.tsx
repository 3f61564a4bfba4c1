import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  InteractionGate,
  InterviewControls,
  PauseButton,
  ResumeButton,
  RetryButton,
  SessionError,
  SessionNotice,
  SessionStatus,
  type InterviewApiError,
  type InterviewSession,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { describe, expect, it, vi } from 'vitest'
import { hold, setupMockServer } from '../support/apiHarness'
import { expectNoAxeViolations, renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

function Screen({ id = ID, onPaused, onResumed, onError }: {
  id?: string
  onPaused?: (s: InterviewSession) => void
  onResumed?: (s: InterviewSession) => void
  onError?: (e: InterviewApiError) => void
}) {
  return (
    <main>
      <h1>
        Interview <SessionStatus sessionId={id} />
      </h1>
      <InteractionGate sessionId={id} aria-label="Your answer">
        <label>
          Answer <textarea name="answer" />
        </label>
        <button type="submit">Submit answer</button>
      </InteractionGate>
      <InterviewControls sessionId={id} onPaused={onPaused} onResumed={onResumed} onError={onError} />
      <a href="#help">Help</a>
    </main>
  )
}

const pauseButton = () => screen.getByRole('button', { name: 'Pause interview' })
const resumeButton = () => screen.getByRole('button', { name: 'Resume interview' })

describe('button visibility', () => {
  it.each([
    ['active', DEMO_SESSION_IDS.active, 'Active', true, false],
    ['paused', DEMO_SESSION_IDS.paused, 'Paused', false, true],
    ['completed', DEMO_SESSION_IDS.completed, 'Completed', false, false],
    ['unknown', DEMO_SESSION_IDS.unknownStatus, 'archived', false, false],
  ])('shows the right button for a %s session', async (_name, id, label, pause, resume) => {
    const { container } = renderWithKit(mock, <Screen id={id} />)
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(label))
    expect(screen.queryByRole('button', { name: 'Pause interview' }) !== null).toBe(pause)
    expect(screen.queryByRole('button', { name: 'Resume interview' }) !== null).toBe(resume)
    expect(screen.getByRole('group', { name: 'Your answer' })).toHaveProperty('disabled', !pause)
    await expectNoAxeViolations(container)
  })
})

describe('pausing', () => {
  it('shows paused everywhere at once, keeps the pending button focusable, then hands focus to Resume', async () => {
    const user = userEvent.setup()
    const onPaused = vi.fn()
    const { scenarios, posts, container } = renderWithKit(mock, <Screen onPaused={onPaused} />)
    await screen.findByText('Active')
    const held = hold('pause')
    scenarios.push(held.rule)

    await user.click(pauseButton())

    const pending = pauseButton()
    await waitFor(() => expect(pending).toHaveTextContent('Pausing…'))
    expect(pending).toHaveAttribute('aria-disabled', 'true')
    expect(pending).toHaveAttribute('data-pending', '')
    expect(pending).not.toBeDisabled()
    expect(pending).toHaveFocus()
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Paused')
    expect(screen.getAllByRole('status')[0]).toHaveAttribute('data-pending', '')
    expect(screen.getByRole('group', { name: 'Your answer' })).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Resume interview' })).toBeNull()
    await expectNoAxeViolations(container)

    await user.click(pending)
    await user.keyboard('{Enter}')
    expect(posts()).toHaveLength(1)

    held.open()
    const resume = await screen.findByRole('button', { name: 'Resume interview' })
    expect(resume).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Pause interview' })).toBeNull()
    expect(screen.getByText('Interview paused')).toHaveAttribute('role', 'status')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(onPaused).toHaveBeenCalledWith(expect.objectContaining({ id: ID, status: 'paused' }))
    await expectNoAxeViolations(container)
  })

  it('pauses and resumes with the keyboard alone, focus following the buttons', async () => {
    const user = userEvent.setup()
    renderWithKit(mock, <Screen />)
    await screen.findByText('Active')
    await user.tab()
    await user.tab()
    await user.tab()
    expect(pauseButton()).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(resumeButton()).toHaveFocus())
    await user.keyboard(' ')
    await waitFor(() => expect(pauseButton()).toHaveFocus())
    expect(screen.getByText('Interview resumed')).toBeInTheDocument()
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Active')
  })

  it('does not take focus the user moved elsewhere while the pause was in flight', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(mock, <Screen />)
    await screen.findByText('Active')
    const held = hold('pause')
    scenarios.push(held.rule)
    await user.click(pauseButton())
    await screen.findByText('Pausing…')
    const answer = screen.getByRole('textbox', { name: 'Answer' })
    act(() => screen.getByRole('link', { name: 'Help' }).focus())
    held.open()
    await screen.findByRole('button', { name: 'Resume interview' })
    expect(resumeButton()).not.toHaveFocus()
    expect(screen.getByRole('link', { name: 'Help' })).toHaveFocus()
    expect(answer).toBeDisabled()
  })

  it('keeps two buttons of one session, and a list row and a detail, in the same pending state', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(
      mock,
      <>
        <section aria-label="Row">
          <SessionStatus sessionId={ID} />
          <PauseButton sessionId={ID} />
        </section>
        <section aria-label="Detail">
          <SessionStatus sessionId={ID} />
          <PauseButton sessionId={ID} />
        </section>
      </>,
    )
    const row = within(await screen.findByRole('region', { name: 'Row' }))
    const detail = within(screen.getByRole('region', { name: 'Detail' }))
    await row.findByText('Active')
    const held = hold('pause')
    scenarios.push(held.rule)
    await user.click(row.getByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getAllByText('Pausing…')).toHaveLength(2))
    for (const view of [row, detail]) {
      expect(view.getByRole('button', { name: 'Pause interview' })).toHaveAttribute('aria-disabled', 'true')
      expect(view.getByRole('status')).toHaveTextContent('Paused')
    }
    held.open()
    await waitFor(() => expect(screen.queryAllByRole('button', { name: 'Pause interview' })).toHaveLength(0))
    for (const view of [row, detail]) expect(view.getByRole('status')).toHaveTextContent('Paused')
  })

  it('marks the controls group with the session status and data-pending while the pause is in flight', async () => {
    const user = userEvent.setup()
    const { scenarios, settle } = renderWithKit(mock, <Screen />)
    const group = await screen.findByRole('group', { name: 'Interview controls' })
    await waitFor(() => expect(group).toHaveAttribute('data-state', 'active'))
    expect(group).not.toHaveAttribute('data-pending')
    const held = hold('pause')
    scenarios.push(held.rule)
    await user.click(pauseButton())
    await waitFor(() => expect(group).toHaveAttribute('data-pending', ''))
    expect(group).toHaveAttribute('data-state', 'paused')
    held.open()
    await settle()
    expect(group).toHaveAttribute('data-state', 'paused')
    expect(group).not.toHaveAttribute('data-pending')
  })

  it("composes the caller's onClick and lets it cancel the pause", async () => {
    const user = userEvent.setup()
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    const { posts } = renderWithKit(mock, <PauseButton sessionId={ID} className="mine" data-testid="p" onClick={onClick} />)
    const button = await screen.findByRole('button', { name: 'Pause interview' })
    expect(button).toHaveClass('mine')
    expect(button).toHaveAttribute('data-state', 'active')
    await user.click(button)
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(posts()).toHaveLength(0)
    expect(button).not.toHaveAttribute('data-pending')
  })
})

describe('errors', () => {
  it.each([
    ['serverError', 'The server could not complete the request. Please try again.'],
    ['networkError', 'Could not reach the server. Check your connection and try again.'],
  ] as const)('reverts after a %s, shows its message and offers a Retry that re-sends the pause', async (kind, message) => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const { scenarios, posts, db, container } = renderWithKit(mock, <Screen onError={onError} />)
    await screen.findByText('Active')
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind } })
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message))
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Active'))
    expect(pauseButton()).not.toHaveAttribute('aria-disabled')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: kind === 'serverError' ? 'server' : 'network' }))
    await expectNoAxeViolations(container)

    await user.click(screen.getByRole('button', { name: 'Retry' }))
    await screen.findByRole('button', { name: 'Resume interview' })
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(posts()).toHaveLength(2)
    expect(db.get(ID)?.status).toBe('paused')
  })

  it('reports 401 to onUnauthorized and onError, and asks the user to sign in again', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const { auth, unauthorized } = renderWithKit(mock, <Screen onError={onError} />)
    await screen.findByText('Active')
    auth.token = 'expired'
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Your sign-in has expired. Please sign in again.'))
    expect(unauthorized).toHaveLength(1)
    expect(onError).toHaveBeenCalledWith({ kind: 'unauthorized', status: 401, error: 'Unauthorized' })
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })

  it('explains a 404 for a session that is no longer active and shows its real status', async () => {
    const user = userEvent.setup()
    const { db } = renderWithKit(mock, <Screen />)
    await screen.findByText('Active')
    db.update(ID, { status: 'completed' })
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This interview was not found or its status has changed. The current status is shown.'))
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Completed'))
    expect(screen.queryByRole('button', { name: /interview/ })).toBeNull()
  })

  it("says only the owner may pause another user's session", async () => {
    renderWithKit(mock, <Screen id={DEMO_SESSION_IDS.bobActive} />)
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Only the owner of this interview can pause or resume it.'))
    expect(screen.getAllByRole('status')[0]).toHaveAttribute('data-state', 'error')
  })

  it('shows the server details of a 400', async () => {
    const user = userEvent.setup()
    renderWithKit(mock, <Screen />)
    await screen.findByText('Active')
    const { http, HttpResponse } = await import('msw')
    mock.server.use(
      http.post('http://localhost:3000/api/interviews/:id/pause', () =>
        HttpResponse.json({ error: 'Invalid request', details: 'body must be a JSON object' }, { status: 400 }),
      ),
    )
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The request was rejected: body must be a JSON object'))
  })

  it('sends nothing for an invalid session id and says the link is invalid', async () => {
    const { container } = renderWithKit(mock, <Screen id="../not-a-session" />)
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This interview link is invalid.'))
    expect(mock.log).toHaveLength(0)
    expect(screen.queryByRole('button', { name: /interview|retry/i })).toBeNull()
    expect(screen.getByRole('button', { name: 'Submit answer' })).toBeDisabled()
    await expectNoAxeViolations(container)
  })
})

describe('parts', () => {
  it('renders the live regions empty before anything happens', async () => {
    renderWithKit(
      mock,
      <>
        <SessionNotice sessionId={ID} />
        <SessionError sessionId={ID} />
        <RetryButton sessionId={ID} />
        <ResumeButton sessionId={ID} />
      </>,
    )
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'idle')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    await waitFor(() => expect(mock.log).toHaveLength(1))
    expect(screen.queryByRole('button')).toBeNull()
  })
})
