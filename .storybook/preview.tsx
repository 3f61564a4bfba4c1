import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { fn } from 'storybook/test'
import { disposeKit, kitLoader } from '../stories/support/kitLoader'
import { startMockWorker } from '../stories/support/startMockWorker'
import { storyGlobalTypes, storyInitialGlobals } from '../stories/support/storyGlobals'
import { ThemedDocsContainer } from '../stories/support/ThemedDocsContainer'
import { componentDescription } from '../stories/support/tsdocMarkdown'
import { withKit } from '../stories/support/withKit'
import { withTheme } from '../stories/support/withTheme'
// The kit's default stylesheet, imported as an app imports it (aliased to src/styles/styles.css in main.ts).
import 'interview-session-kit/styles.css'
// Story-only layout: the page, the Stage around a component, the example screens.
import '../stories/support/stories.css'

// Registering the service worker takes a while on a first visit: start it with the preview, not with the first story.
// A failure to start is reported where it matters, by `mswLoader` in every story; not also as an unhandled rejection.
const mockWorker = startMockWorker()
mockWorker.catch(() => undefined)

/**
 * Every story renders on its own mock db, MSW handlers, api and store (`kitLoader` then `mswLoader`, in this order),
 * in the toolbar's locale and theme and as the toolbar's demo user.
 */
const preview: Preview = {
  tags: ['autodocs'],
  loaders: [kitLoader, mswLoader(() => mockWorker)],
  beforeEach: disposeKit,
  // The last decorator is the outermost: the theme's root holds the provider and its floating feedback.
  decorators: [withKit, withTheme],
  args: { onUnauthorized: fn() },
  argTypes: { onUnauthorized: { description: 'The api’s login redirect (a spy: calls show in Actions).' } },
  globalTypes: storyGlobalTypes,
  initialGlobals: storyInitialGlobals,
  parameters: {
    // axe after every story's play function: a violation fails the story test. Colour contrast is one of axe's
    // default rules; named here so that the stylesheet's colours stay checked in both themes.
    a11y: { test: 'error', config: { rules: [{ id: 'color-contrast', enabled: true }] } },
    docs: {
      // The docs page in the toolbar's theme, as the stories are.
      container: ThemedDocsContainer,
      // A docs page shows each story as it starts: its play function runs in the story's own canvas (and in the
      // story tests), never on the docs page, where it would click, focus and scroll among all the others. Inline,
      // the stories share the page's MSW worker; `kitLoader` routes each story's requests to its own handlers.
      story: { inline: true, autoplay: false },
      // The components' TSDoc with its block tags as Markdown (`@example` as a code block).
      extractComponentDescription: componentDescription,
    },
    layout: 'padded',
    options: {
      storySort: { order: ['Introduction', 'Examples', ['Interview screen', 'Session lists', 'Many tabs and devices'], 'Components'] },
    },
  },
}

export default preview
