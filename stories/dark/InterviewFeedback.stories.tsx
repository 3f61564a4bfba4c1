import type { Meta } from '@storybook/react-vite'
import type { InterviewFeedback } from 'interview-session-kit'
import light, * as stories from '../InterviewFeedback.stories'

/** Every InterviewFeedback story in the dark theme, for the story tests (axe, contrast included); not in the sidebar. */
export default {
  ...light,
  title: 'Dark theme/Components/InterviewFeedback',
  tags: ['!dev', '!autodocs'],
  parameters: { ...light.parameters },
  globals: { ...light.globals, theme: 'dark' },
} satisfies Meta<typeof InterviewFeedback>

export const Success = stories.Success
export const ServerError = stories.ServerError
export const NetworkErrorThenRetry = stories.NetworkErrorThenRetry
export const Refused = stories.Refused
