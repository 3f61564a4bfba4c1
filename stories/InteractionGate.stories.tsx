import type { Meta } from '@storybook/react-vite'
import { InteractionGate } from 'interview-session-kit'
import { expect } from 'storybook/test'
import { Stage } from './support/Stage'
import { statusStories, type StatusStoryArgs } from './support/statusStories'

const meta = {
  title: 'Components/InteractionGate',
  component: InteractionGate,
  // The stories show Alice's sessions; "Forbidden" shows her one of Bob's.
  globals: { user: 'alice' },
  render: ({ sessionId }) => (
    <Stage sessionId={sessionId} parts="controls">
      <InteractionGate sessionId={sessionId} aria-label="Your answer" className="answer">
        <label>
          Answer <textarea name="answer" rows={2} />
        </label>
        <button type="submit">Submit answer</button>
      </InteractionGate>
    </Stage>
  ),
} satisfies Meta<StatusStoryArgs>

export default meta

const stories = statusStories({
  action: 'pause',
  // Answers are possible only while the session shows as active.
  expectShown: async ({ subject, shown, pending }) => {
    const gate = subject.getByRole('group', { name: 'Your answer' })
    const answer = subject.getByRole('textbox', { name: 'Answer' })
    if (shown === 'active') await expect(answer).toBeEnabled()
    else await expect(answer).toBeDisabled()
    await expect(gate.hasAttribute('data-pending')).toBe(pending)
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
