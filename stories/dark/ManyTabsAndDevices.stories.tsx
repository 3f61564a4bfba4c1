import type { Meta } from '@storybook/react-vite'
import light, * as stories from '../ManyTabsAndDevices.stories'

/** The Many tabs and devices stories in the dark theme, for the story tests (axe, contrast included); not in the sidebar. */
export default {
  ...light,
  title: 'Dark theme/Examples/Many tabs and devices',
  tags: ['!dev', '!autodocs'],
  parameters: { ...light.parameters },
  globals: { ...light.globals, theme: 'dark' },
} satisfies Meta<{ sessionId: string }>

export const AnotherTabPauses = stories.AnotherTabPauses
export const OneOfManyTabs = stories.OneOfManyTabs
export const PausedOnAnotherDevice = stories.PausedOnAnotherDevice
export const Offline = stories.Offline
