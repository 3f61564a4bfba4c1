import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { SessionLists } from './examples/SessionLists'
import { kitOf } from './support/kitLoader'
import { messagesOf } from './support/storyGlobals'

const meta = {
  title: 'Examples/Session lists',
  component: SessionLists,
  parameters: { kit: { delayMs: 200 } },
} satisfies Meta<typeof SessionLists>

export default meta

/**
 * Pausing in the Active list moves the session to the Paused list at once, while the server has not answered yet;
 * when it answers, the lists settle with the session paused. Works for either toolbar user.
 */
export const AllActivePaused: StoryObj<typeof meta> = {
  name: 'All, active and paused',
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const messages = messagesOf(context.globals)
    const kit = kitOf(context)
    const list = (name: string) => within(canvas.getByRole('list', { name }))
    /** The row of the session titled `title` in list `name`, or null. */
    const row = (name: string, title: string) => list(name).queryByRole('heading', { name: title })?.closest('li') ?? null
    const found = <T,>(value: T | null | undefined, what: string): T => {
      if (value == null) throw new Error(`not found: ${what}`)
      return value
    }

    const first = await waitFor(() => found(list('Active').queryAllByRole('listitem')[0], 'an active session'))
    const title = within(first).getByRole('heading').textContent ?? ''
    const release = kit.hold('pause')
    await userEvent.click(within(first).getByRole('button', { name: `${messages.pause}: ${title}` }))

    // Moved at once, before the server has answered.
    await waitFor(() => found(row('Paused', title), `${title} in Paused`))
    await expect(row('Active', title)).toBeNull()
    const inAll = within(found(row('All sessions', title), `${title} in All sessions`))
    await expect(inAll.getByRole('status')).toHaveTextContent(messages.statusPaused)
    await expect(inAll.getByRole('status')).toHaveAttribute('data-pending')

    release()
    const paused = within(found(row('Paused', title), `${title} in Paused`))
    await waitFor(() => expect(paused.getByRole('status')).not.toHaveAttribute('data-pending'))
    await expect(paused.getByRole('button', { name: `${messages.resume}: ${title}` })).toBeVisible()
    await expect(row('Active', title)).toBeNull()
    await expect(kit.db.list().find((session) => session.title === title)?.status).toBe('paused')
  },
}
