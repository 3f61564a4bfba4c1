// A host's test of its own interview page, written as the README shows it: everything comes from the testing entry.
// `npm run test:consumer` also runs this file in the consumer app, on the packed tarball.
import { screen } from '@testing-library/react'
import { InterviewControls, SessionStatus } from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS, renderWithInterviewKit, setupInterviewServer } from 'interview-session-kit/testing'

const server = setupInterviewServer()
const InterviewPage = ({ id }: { id: string }) => (
  <main>
    <SessionStatus sessionId={id} /> <InterviewControls sessionId={id} />
  </main>
)

it('pauses, resumes, and explains a 403 and a 401', async () => {
  const { user, auth, db } = renderWithInterviewKit(<InterviewPage id={DEMO_SESSION_IDS.active} />, { server })
  await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
  await user.click(await screen.findByRole('button', { name: 'Resume interview' }))
  expect(await screen.findByText('Interview resumed')).toBeVisible()
  expect(db.get(DEMO_SESSION_IDS.active)?.status).toBe('active')
  auth.token = DEMO_TOKENS.bob // another user: the server refuses with a 403
  await user.click(screen.getByRole('button', { name: 'Pause interview' }))
  expect(await screen.findByText('Only the owner of this interview can pause or resume it.')).toBeVisible()
  auth.token = 'expired-token' // a 401
  await user.click(screen.getByRole('button', { name: 'Pause interview' }))
  expect(await screen.findByText('Your sign-in has expired. Please sign in again.')).toBeVisible()
})

it('says only the owner may pause another user’s session', async () => {
  renderWithInterviewKit(<InterviewPage id={DEMO_SESSION_IDS.active} />, { server, user: 'bob' })
  expect(await screen.findByText('Only the owner of this interview can pause or resume it.')).toBeVisible()
})
