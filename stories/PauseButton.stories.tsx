import type { Meta } from '@storybook/react-vite'
import { PauseButton } from 'interview-session-kit'
import { Stage } from './support/Stage'
import { expectStatusButton } from './support/expectStatusButton'
import { statusStories, type StatusStoryArgs } from './support/statusStories'

const meta = {
  title: 'Components/PauseButton',
  component: PauseButton,
  // The stories show Alice's sessions; "Forbidden" shows her one of Bob's.
  globals: { user: 'alice' },
  render: ({ sessionId }) => (
    <Stage sessionId={sessionId} parts="feedback">
      <PauseButton sessionId={sessionId} />
    </Stage>
  ),
} satisfies Meta<StatusStoryArgs>

export default meta

const stories = statusStories({ action: 'pause', expectShown: expectStatusButton('pause') })

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
