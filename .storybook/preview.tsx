import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { fn } from 'storybook/test'
import { disposeKit, kitLoader } from '../stories/support/kitLoader'
import { startMockWorker } from '../stories/support/startMockWorker'
import { storyGlobalTypes, storyInitialGlobals } from '../stories/support/storyGlobals'
import { withKit } from '../stories/support/withKit'
import '../stories/support/stories.css'

/**
 * Every story renders on its own mock db, MSW handlers, api and store (`kitLoader` then `mswLoader`, in this order),
 * in the toolbar's locale and as the toolbar's demo user.
 */
const preview: Preview = {
  tags: ['autodocs'],
  loaders: [kitLoader, mswLoader(startMockWorker)],
  beforeEach: disposeKit,
  decorators: [withKit],
  args: { onUnauthorized: fn() },
  argTypes: { onUnauthorized: { description: 'The api’s login redirect (a spy: calls show in Actions).' } },
  globalTypes: storyGlobalTypes,
  initialGlobals: storyInitialGlobals,
  parameters: {
    a11y: { test: 'error' },
    // One page shares one MSW worker: each docs story gets its own iframe, so it runs on its own handlers.
    docs: { story: { inline: false, height: '180px' } },
    layout: 'padded',
  },
}

export default preview
