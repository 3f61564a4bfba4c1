import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import { formatMessage, InterviewFeedback, PauseButton, ResumeButton, SessionStatus } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { scenario } from './support/scenario'
import { messagesOf } from './support/storyGlobals'

const sessionId = DEMO_SESSION_IDS.active
const BAD_REQUEST = { error: 'Invalid request', details: 'body must be a JSON object' }

const meta = {
  title: 'Components/InterviewFeedback',
  component: InterviewFeedback,
  // Alice's active session.
  globals: { user: 'alice' },
  args: { successTimeoutMs: 6000 },
  // The provider's own InterviewFeedback is off: the story places this one, after a session whose SessionNotice and
  // SessionError are not placed, so that it shows the outcome of the pause. It floats at the end of the canvas.
  parameters: { kit: { feedback: false } },
  render: ({ successTimeoutMs }) => (
    <div className="feedback-stage">
      <section aria-label="Session" className="stage-subject">
        <SessionStatus sessionId={sessionId} />
        <PauseButton sessionId={sessionId} />
        <ResumeButton sessionId={sessionId} />
      </section>
      <InterviewFeedback successTimeoutMs={successTimeoutMs} />
    </div>
  ),
} satisfies Meta<typeof InterviewFeedback>

export default meta

type Story = StoryObj<typeof meta>

/** Waits for the session, then pauses it. */
async function pause(context: StoryContext) {
  const canvas = within(context.canvasElement)
  const messages = messagesOf(context.globals)
  await userEvent.click(await canvas.findByRole('button', { name: messages.pause }))
  return { canvas, messages }
}

/** The pause succeeds: a short message in a polite live region, gone after `successTimeoutMs`. */
export const Success: Story = {
  play: async (context) => {
    const { canvas, messages } = await pause(context)
    await expect(await canvas.findByText(messages.paused)).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** Every pause gets a 500: the message says so, with Retry and Dismiss. */
export const ServerError: Story = {
  parameters: { kit: { scenarios: [scenario.fail('pause', 'serverError')] } },
  play: async (context) => {
    const { canvas, messages } = await pause(context)
    const alert = within(await canvas.findByRole('alert'))
    await expect(alert.getByText(messages.errorServer)).toBeVisible()
    await expect(alert.getByRole('button', { name: messages.retry })).toBeVisible()
    await expect(alert.getByRole('button', { name: messages.dismiss })).toBeVisible()
  },
}

/** The first pause gets no answer; Retry in the message sends it again, and the success replaces the failure. */
export const NetworkErrorThenRetry: Story = {
  parameters: { kit: { scenarios: [scenario.fail('pause', 'networkError', 1)] } },
  play: async (context) => {
    const { canvas, messages } = await pause(context)
    const alert = within(await canvas.findByRole('alert'))
    await expect(alert.getByText(messages.errorNetwork)).toBeVisible()
    await userEvent.click(alert.getByRole('button', { name: messages.retry }))
    await expect(await canvas.findByText(messages.paused)).toBeVisible()
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull())
  },
}

/** The server refuses the pause with a 400: sending it again cannot help, so there is no Retry; Dismiss removes it. */
export const Refused: Story = {
  parameters: { msw: { handlers: { badRequest: scenario.answer('pause', 400, BAD_REQUEST) } } },
  play: async (context) => {
    const { canvas, messages } = await pause(context)
    const alert = within(await canvas.findByRole('alert'))
    await expect(alert.getByText(formatMessage(messages.errorInvalid, { details: BAD_REQUEST.details }))).toBeVisible()
    await expect(alert.queryByRole('button', { name: messages.retry })).toBeNull()
    await userEvent.click(alert.getByRole('button', { name: messages.dismiss }))
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull())
  },
}
