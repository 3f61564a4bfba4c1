import type { Meta } from '@storybook/react-vite'
import type { StatusStoryArgs } from '../support/statusStories'
import light, * as stories from '../SessionStatus.stories'

// Every SessionStatus story in the dark theme, for the story tests (axe, contrast included); not in the sidebar.
// A line comment: Storybook turns a doc comment into `parameters` on this object, which would hide any that
// `...light` brings.
export default {
  ...light,
  title: 'Dark theme/Components/SessionStatus',
  tags: ['!dev', '!autodocs'],
  globals: { ...light.globals, theme: 'dark' },
} satisfies Meta<StatusStoryArgs>

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
