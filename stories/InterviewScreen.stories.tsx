import type { Meta, StoryObj } from '@storybook/react-vite'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { InterviewScreen, messageText, screenText } from './examples/InterviewScreen'
import { kitOf } from './support/kitLoader'
import { localeOf, messagesOf, userOf, type StoryLocale } from './support/storyGlobals'

/** What the play function answers to each demo session's last question, in its language. */
const sampleAnswer: Record<StoryLocale, string> = {
  en: 'Least recently used, with a TTL per link.',
  ko: 'props로 매번 새 객체를 넘기면 React.memo가 있어도 다시 렌더링됩니다.',
  ja: 'AbortController の signal を fetch に渡し、abort() を呼びます。',
}

const meta = {
  title: 'Examples/Interview screen',
  component: InterviewScreen,
  args: { sessionId: DEMO_SESSION_IDS.active },
  render: (args, context) => <InterviewScreen {...args} locale={localeOf(context.globals)} />,
  // A realistic latency, so the optimistic pause shows before the server confirms it.
  parameters: { kit: { delayMs: 600 }, layout: 'fullscreen' },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const locale = localeOf(context.globals)
    const messages = messagesOf(context.globals)
    const text = screenText[locale]
    const slow = { timeout: 4000 }
    if (userOf(context.globals) === 'bob') {
      // The toolbar's other user: the session is Alice's, so the server answers 403.
      await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(messages.errorForbidden), slow)
      return
    }
    const session = kitOf(context).db.get(context.args.sessionId)
    await canvas.findByRole('heading', { level: 1, name: session?.title }, slow)
    for (const message of session?.recentMessages ?? []) {
      await expect(canvas.getByText(messageText(message.output))).toBeVisible()
    }

    const answer = canvas.getByRole('textbox', { name: text.answer })
    await userEvent.type(answer, sampleAnswer[locale])
    await userEvent.click(canvas.getByRole('button', { name: text.submit }))
    await expect(await canvas.findByText(sampleAnswer[locale])).toBeVisible()

    await userEvent.click(canvas.getByRole('button', { name: messages.pause }))
    // Optimistic: paused at once, while the server takes its time.
    await waitFor(() => expect(canvas.getByRole('button', { name: messages.pause })).toHaveTextContent(messages.pausing))
    await expect(answer).toBeDisabled()
    await canvas.findByRole('button', { name: messages.resume }, slow)
    await expect(canvas.getByText(messages.paused)).toBeVisible()

    await userEvent.click(canvas.getByRole('button', { name: messages.resume }))
    await canvas.findByRole('button', { name: messages.pause }, slow)
    await expect(canvas.getByText(messages.resumed)).toBeVisible()
    await expect(answer).toBeEnabled()
  },
} satisfies Meta<typeof InterviewScreen>

export default meta

type Story = StoryObj<typeof meta>

/** The whole experience on the mock server: read, answer, pause (optimistic), resume. Try the toolbar switches. */
export const Playground: Story = {}

/** The same screen in Korean, on a Korean session. */
export const Korean: Story = { args: { sessionId: DEMO_SESSION_IDS.active2 }, globals: { locale: 'ko' } }

/** The same screen in Japanese, on a Japanese session. */
export const Japanese: Story = { args: { sessionId: DEMO_SESSION_IDS.active3 }, globals: { locale: 'ja' } }
