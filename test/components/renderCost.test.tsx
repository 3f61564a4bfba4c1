import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PauseButton, ResumeButton, SessionStatus, useInterviewSessions } from 'interview-session-kit'
import { memo, Profiler, type ProfilerOnRenderCallback } from 'react'
import { describe, expect, it } from 'vitest'
import { setupMockServer } from '../support/apiHarness'
import { manySessions } from '../support/manySessions'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ROWS = 1000

const renders = new Map<string, number>()
const onRender: ProfilerOnRenderCallback = (id) => renders.set(id, (renders.get(id) ?? 0) + 1)

const Row = memo(function Row({ sessionId, title }: { sessionId: string; title: string }) {
  return (
    <Profiler id={sessionId} onRender={onRender}>
      <li aria-label={title}>
        {title} <SessionStatus sessionId={sessionId} /> <PauseButton sessionId={sessionId} />
        <ResumeButton sessionId={sessionId} />
      </li>
    </Profiler>
  )
})

function List() {
  const { sessions } = useInterviewSessions()
  return (
    <Profiler id="list" onRender={onRender}>
      <ul>
        {sessions?.map((s) => (
          <Row key={s.id} sessionId={s.id} title={s.title} />
        ))}
      </ul>
    </Profiler>
  )
}

describe('rendering cost', () => {
  it('re-renders only the paused row of a 1,000-row list, in at most three commits', async () => {
    const user = userEvent.setup()
    const { posts } = renderWithKit(mock, <List />, { seed: manySessions(ROWS), token: 'token-u1' })
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(ROWS), { timeout: 10_000 })
    const target = screen.getByRole('listitem', { name: 'Session 500' })
    renders.clear()

    await user.click(within(target).getByRole('button', { name: 'Pause interview' }))
    await within(target).findByRole('button', { name: 'Resume interview' })
    // Let the list revalidation triggered by the pause land.
    await waitFor(() => expect(mock.log.filter((r) => r.method === 'GET')).toHaveLength(2))
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]).toHaveAccessibleName('Session 500'))

    const rowIds = [...renders.keys()].filter((id) => id !== 'list')
    expect(rowIds).toEqual(['00000000-0000-4000-8000-000000000500'])
    const rowCommits = renders.get('00000000-0000-4000-8000-000000000500') ?? 0
    expect(rowCommits).toBeGreaterThanOrEqual(1)
    expect(rowCommits).toBeLessThanOrEqual(3)
    expect(posts()).toHaveLength(1)
  }, 30_000)
})
