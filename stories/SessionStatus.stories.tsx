import type { Meta } from '@storybook/react-vite'
import { formatMessage, SessionStatus } from 'interview-session-kit'
import { expect } from 'storybook/test'
import { Stage } from './support/Stage'
import { statusStories, type StatusStoryArgs } from './support/statusStories'

const meta = {
  title: 'Components/SessionStatus',
  component: SessionStatus,
  // The stories show Alice's sessions; "Forbidden" shows her one of Bob's.
  globals: { user: 'alice' },
  render: ({ sessionId }) => (
    <Stage sessionId={sessionId} parts="controls">
      <SessionStatus sessionId={sessionId} />
    </Stage>
  ),
} satisfies Meta<StatusStoryArgs>

export default meta

const stories = statusStories({
  action: 'pause',
  expectShown: async ({ subject, shown, pending, messages }) => {
    const labels: Record<string, string> = {
      active: messages.statusActive,
      paused: messages.statusPaused,
      completed: messages.statusCompleted,
      unavailable: messages.statusUnavailable,
    }
    const badge = subject.getByRole('status')
    await expect(badge).toHaveTextContent(labels[shown] ?? formatMessage(messages.statusUnknown, { status: shown }))
    await expect(badge.hasAttribute('data-pending')).toBe(pending)
  },
})

export const Active = stories.Active
export const Paused = stories.Paused
export const Completed = stories.Completed
export const UnknownStatus = stories.UnknownStatus
export const Pending = stories.Pending
export const Success = stories.Success
export const BadRequest = stories.BadRequest
export const Unauthorized = stories.Unauthorized
export const Forbidden = stories.Forbidden
export const NoLongerActive = stories.NoLongerActive
export const ServerError = stories.ServerError
export const NetworkErrorThenRetry = stories.NetworkErrorThenRetry
export const InvalidSessionId = stories.InvalidSessionId
