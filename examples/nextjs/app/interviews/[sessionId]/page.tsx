import { InteractionGate, InterviewControls, SessionStatus } from 'interview-session-kit'
import { notFound } from 'next/navigation'
import { InterviewKit } from '../../InterviewKit'
import { currentAccessToken, loadInterviewPage } from '../../mockBackend'
import { SessionList } from '../../SessionList'

// Rendered for every request: the session's status changes at run time.
export const dynamic = 'force-dynamic'

/**
 * A server component: it reads the session and the list on the server and hands them, as plain data, to the client
 * store. The kit's components are client components, rendered here with plain props.
 */
export default async function InterviewPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params
  const accessToken = currentAccessToken()
  const data = loadInterviewPage(accessToken, sessionId)
  if (!data) notFound()
  const { session, sessions } = data
  return (
    <InterviewKit accessToken={accessToken} session={session} sessions={sessions}>
      <main>
        <section aria-labelledby="session-title" className="session">
          <h1 id="session-title">{session.title}</h1>
          <p>
            {(session.topicLabels ?? session.topicIds).join(' · ')} — {session.progress}% done
          </p>
          <p>
            Status: <SessionStatus sessionId={session.id} aria-label="Interview status" className="badge" />
          </p>
          <InterviewControls sessionId={session.id} className="controls" />
          <InteractionGate sessionId={session.id} aria-label="Your answer" className="answer">
            <label htmlFor="answer">Your answer</label>
            <textarea id="answer" name="answer" rows={4} />
          </InteractionGate>
        </section>
        <SessionList currentId={session.id} />
      </main>
    </InterviewKit>
  )
}
