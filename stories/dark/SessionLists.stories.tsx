import type { Meta } from '@storybook/react-vite'
import type { SessionLists } from '../examples/SessionLists'
import light, * as stories from '../SessionLists.stories'

/** The Session lists story in the dark theme, for the story tests (axe, contrast included); not in the sidebar. */
export default {
  ...light,
  title: 'Dark theme/Examples/Session lists',
  tags: ['!dev', '!autodocs'],
  parameters: { ...light.parameters },
  globals: { theme: 'dark' },
} satisfies Meta<typeof SessionLists>

export const AllActivePaused = stories.AllActivePaused
