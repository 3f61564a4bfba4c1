import type { StatusAction } from 'interview-session-kit'
import { expect } from 'storybook/test'
import type { Shown, StatusStoriesOptions } from './statusStories'

/**
 * `expectShown` for `PauseButton` (action `pause`) and `ResumeButton` (`resume`): the button is there, enabled,
 * while the session allows its change; there, `aria-disabled` and showing progress, while its change is in flight;
 * absent otherwise.
 */
export function expectStatusButton(action: StatusAction): StatusStoriesOptions['expectShown'] {
  const allowedFrom: Shown = action === 'pause' ? 'active' : 'paused'
  return async ({ subject, shown, pending, messages }) => {
    const button = subject.queryByRole('button', { name: messages[action] })
    if (pending) {
      await expect(button).toHaveTextContent(action === 'pause' ? messages.pausing : messages.resuming)
      await expect(button).toHaveAttribute('aria-disabled', 'true')
    } else if (shown === allowedFrom) {
      await expect(button).toHaveTextContent(messages[action])
      await expect(button).not.toHaveAttribute('aria-disabled')
    } else {
      await expect(button).toBeNull()
    }
  }
}
