import type { Preview, StoryContext } from '@storybook/react-vite'
import type { InterviewLocale } from 'interview-session-kit'
import type { DemoUser } from './createStoryKit'

type Globals = StoryContext['globals']

/** The toolbar switches: the components' locale and the signed-in demo user. */
export const storyGlobalTypes: NonNullable<Preview['globalTypes']> = {
  locale: {
    description: 'Language of the components',
    toolbar: {
      title: 'Locale',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English' },
        { value: 'ko', title: '한국어' },
        { value: 'ja', title: '日本語' },
      ],
      dynamicTitle: true,
    },
  },
  user: {
    description: 'The signed-in demo user (Bob may not pause or resume Alice’s sessions)',
    toolbar: {
      title: 'User',
      icon: 'user',
      items: [
        { value: 'alice', title: 'Alice Kim' },
        { value: 'bob', title: 'Bob Tanaka' },
      ],
      dynamicTitle: true,
    },
  },
}

/** The globals every story starts with. */
export const storyInitialGlobals: { locale: InterviewLocale; user: DemoUser } = { locale: 'en', user: 'alice' }

/** The locale the toolbar selected. */
export function localeOf(globals: Globals): InterviewLocale {
  const locale: unknown = globals.locale
  return locale === 'ko' || locale === 'ja' ? locale : 'en'
}

/** The demo user the toolbar selected. */
export function userOf(globals: Globals): DemoUser {
  return globals.user === 'bob' ? 'bob' : 'alice'
}
