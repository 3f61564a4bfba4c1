import type { StoryContext, StoryObj } from '@storybook/react-vite'
import {
  formatMessage,
  targetStatus,
  type InterviewApiError,
  type InterviewMessages,
  type SessionStatusValue,
  type StatusAction,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { kitOf } from './kitLoader'
import { scenario } from './scenario'
import { messagesOf } from './storyGlobals'

/** Args of the component stories. */
export interface StatusStoryArgs {
  /** The session the story shows. */
  sessionId: string
  /** The api's login redirect: a spy, shown in the Actions panel. */
  onUnauthorized: (error: InterviewApiError) => void
}

type Story = StoryObj<StatusStoryArgs>
type Canvas = ReturnType<typeof within>

/** What a session shows: its displayed status, or `unavailable` when it could not be loaded. */
export type Shown = SessionStatusValue | 'unavailable'

/** What the component under test is checked against. */
export interface ShownState {
  /** Queries inside the "Component under test" region. */
  subject: Canvas
  shown: Shown
  /** A change is in flight. */
  pending: boolean
  messages: InterviewMessages
}

/** Options of {@link statusStories}. */
export interface StatusStoriesOptions {
  /** The change the stories make: pause an active session, or resume a paused one. */
  action: StatusAction
  /** Asserts what the component under test shows; the session has been loaded (or has failed to load) by then. */
  expectShown: (state: ShownState) => Promise<void>
}

const dataState = (shown: Shown) =>
  shown === 'unavailable' ? 'error' : shown === 'active' || shown === 'paused' || shown === 'completed' ? shown : 'unknown'

function stepsFor(context: StoryContext<StatusStoryArgs>, options: StatusStoriesOptions) {
  const canvas = within(context.canvasElement)
  const messages = messagesOf(context.globals)
  const session = () => canvas.getByRole('region', { name: 'Session' })
  const subject = within(canvas.getByRole('region', { name: 'Component under test' }))
  return {
    messages,
    session,
    /** Waits until the session's status badge shows `shown`, then checks the component under test. */
    async shows(shown: Shown, pending = false) {
      await waitFor(() => {
        const badge = within(session()).getAllByRole('status')[0]
        expect(badge).toHaveAttribute('data-state', dataState(shown))
        expect(badge?.hasAttribute('data-pending')).toBe(pending)
      })
      await options.expectShown({ subject, shown, pending, messages })
    },
    /** Clicks the button that makes the stories' change. */
    change: () => userEvent.click(canvas.getByRole('button', { name: messages[options.action] })),
    retry: () => userEvent.click(canvas.getByRole('button', { name: messages.retry })),
    alerts: (text: string) => waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(text)),
    offersRetry: async (offered: boolean) =>
      expect(canvas.queryByRole('button', { name: messages.retry }) !== null).toBe(offered),
  }
}

type Steps = ReturnType<typeof stepsFor>

/**
 * The stories every status component has, each with a play function that checks what it shows: the session in
 * each status, a change in flight, a change that succeeds, and one story per kind of failure. The change is
 * `options.action`; `options.expectShown` checks the component under test.
 *
 * @example
 * ```ts
 * const stories = statusStories({ action: 'pause', expectShown: ({ subject, shown }) => … })
 * export const Active = stories.Active
 * ```
 */
export function statusStories(options: StatusStoriesOptions) {
  const { action } = options
  const from: Shown = action === 'pause' ? 'active' : 'paused'
  const to: Shown = targetStatus(action)
  const sessionId = action === 'pause' ? DEMO_SESSION_IDS.active : DEMO_SESSION_IDS.paused
  const done = (messages: InterviewMessages) => (action === 'pause' ? messages.paused : messages.resumed)

  const story = (
    description: string,
    play: (steps: Steps, context: StoryContext<StatusStoryArgs>) => Promise<void>,
    extra: Pick<Story, 'args' | 'parameters'> = {},
  ): Story => ({
    args: { sessionId, ...extra.args },
    parameters: { ...extra.parameters, docs: { description: { story: description } } },
    play: (context) => play(stepsFor(context, options), context),
  })
  const showing = (shown: Shown, id: string) =>
    story(`A session whose status is \`${shown}\`.`, (steps) => steps.shows(shown), { args: { sessionId: id } })

  return {
    Active: showing('active', DEMO_SESSION_IDS.active),
    Paused: showing('paused', DEMO_SESSION_IDS.paused),
    Completed: showing('completed', DEMO_SESSION_IDS.completed),
    UnknownStatus: showing('archived', DEMO_SESSION_IDS.unknownStatus),
    Pending: story(
      `The server never answers the ${action}: the new status shows at once, the change stays in flight.`,
      async (steps) => {
        await steps.shows(from)
        await steps.change()
        await steps.shows(to, true)
      },
      { parameters: { kit: { scenarios: [scenario.hang(action)] } } },
    ),
    Success: story(`The ${action} succeeds.`, async (steps) => {
      await steps.shows(from)
      await steps.change()
      await steps.shows(to)
      await expect(within(steps.session()).getByText(done(steps.messages))).toBeVisible()
    }),
    BadRequest: story(
      `The server rejects the ${action} with a 400 and its details.`,
      async (steps) => {
        await steps.shows(from)
        await steps.change()
        await steps.alerts(formatMessage(steps.messages.errorInvalid, { details: 'body must be a JSON object' }))
        await steps.shows(from)
      },
      { parameters: { msw: { handlers: { badRequest: scenario.answer(action, 400, BAD_REQUEST) } } } },
    ),
    Unauthorized: story(
      `The sign-in has expired: the ${action} gets a 401 and the api calls \`onUnauthorized\` (see Actions).`,
      async (steps, { args }) => {
        await steps.shows(from)
        await steps.change()
        await steps.alerts(steps.messages.errorUnauthorized)
        await expect(args.onUnauthorized).toHaveBeenCalledTimes(1)
        await steps.shows(from)
        await steps.offersRetry(false)
      },
      { parameters: { msw: { handlers: { signedOut: scenario.answer(action, 401, { error: 'Unauthorized' }) } } } },
    ),
    Forbidden: story(
      'Alice opens one of Bob’s sessions: the server answers 403.',
      async (steps) => {
        await steps.alerts(steps.messages.errorForbidden)
        await steps.shows('unavailable')
      },
      { args: { sessionId: action === 'pause' ? DEMO_SESSION_IDS.bobActive : DEMO_SESSION_IDS.bobPaused } },
    ),
    NoLongerActive: story(
      `The session was completed in another tab: the ${action} gets a 404 and the real status shows.`,
      async (steps, context) => {
        await steps.shows(from)
        kitOf(context).db.update(sessionId, { status: 'completed' })
        await steps.change()
        await steps.alerts(steps.messages.errorNotFound)
        await steps.shows('completed')
      },
    ),
    ServerError: story(
      `Every ${action} gets a 500: the status goes back and Retry is offered.`,
      async (steps) => {
        await steps.shows(from)
        await steps.change()
        await steps.alerts(steps.messages.errorServer)
        await steps.shows(from)
        await steps.offersRetry(true)
      },
      { parameters: { kit: { scenarios: [scenario.fail(action, 'serverError')] } } },
    ),
    NetworkErrorThenRetry: story(
      `The first ${action} fails without a response; Retry sends it again and it succeeds.`,
      async (steps) => {
        await steps.shows(from)
        await steps.change()
        await steps.alerts(steps.messages.errorNetwork)
        await steps.shows(from)
        await steps.retry()
        await steps.shows(to)
        await expect(within(steps.session()).getByRole('alert')).toBeEmptyDOMElement()
      },
      { parameters: { kit: { scenarios: [scenario.fail(action, 'networkError', 1)] } } },
    ),
    InvalidSessionId: story(
      'The link holds no valid session id: nothing is sent.',
      async (steps) => {
        await steps.alerts(steps.messages.errorInvalidSessionId)
        await steps.shows('unavailable')
      },
      { args: { sessionId: 'not-a-session-id' } },
    ),
  } satisfies Record<string, Story>
}

const BAD_REQUEST = { error: 'Invalid request', details: 'body must be a JSON object' }
