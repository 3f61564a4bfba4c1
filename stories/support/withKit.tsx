import type { Decorator } from '@storybook/react-vite'
import { InterviewKitProvider } from 'interview-session-kit'
import { Provider } from 'react-redux'
import { kitOf } from './kitLoader'
import { messagesOf } from './storyGlobals'

/**
 * Renders the story inside its own store and `InterviewKitProvider`, in the toolbar's locale, with the provider's
 * feedback unless `parameters.kit.feedback` is `false`. Keyed by the kit, so a re-render with a new kit (after a
 * toolbar change) starts from a fresh tree.
 */
export const withKit: Decorator = (Story, context) => {
  const kit = kitOf(context)
  const feedback = context.parameters.kit?.feedback ?? true
  return (
    <Provider key={kit.id} store={kit.store}>
      <InterviewKitProvider api={kit.api} messages={messagesOf(context.globals)} feedback={feedback}>
        <Story />
      </InterviewKitProvider>
    </Provider>
  )
}
