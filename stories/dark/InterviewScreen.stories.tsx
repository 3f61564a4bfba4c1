import type { Meta } from '@storybook/react-vite'
import type { InterviewScreen } from '../examples/InterviewScreen'
import light, * as stories from '../InterviewScreen.stories'

/** Every Interview screen story in the dark theme, for the story tests (axe, contrast included); not in the sidebar. */
export default {
  ...light,
  title: 'Dark theme/Examples/Interview screen',
  tags: ['!dev', '!autodocs'],
  parameters: { ...light.parameters },
  globals: { theme: 'dark' },
} satisfies Meta<typeof InterviewScreen>

export const Playground = stories.Playground
export const Korean = stories.Korean
export const Japanese = stories.Japanese
