import type { Decorator } from '@storybook/react-vite'
import { InterviewKitProvider } from 'interview-session-kit'
import { Provider } from 'react-redux'
import { kitOf } from './kitLoader'
import { messagesOf } from './storyGlobals'

/**
 * Renders the story inside its own store and `InterviewKitProvider`, in the toolbar's locale. Keyed by the kit, so
 * a re-render with a new kit (after a toolbar change) starts from a fresh tree.
 */
export const withKit: Decorator = (Story, context) => {
  const kit = kitOf(context)
  return (
    <Provider key={kit.id} store={kit.store}>
      <InterviewKitProvider api={kit.api} messages={messagesOf(context.globals)}>
        <Story />
      </InterviewKitProvider>
    </Provider>
  )
}
