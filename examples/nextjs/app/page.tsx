import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { redirect } from 'next/navigation'

/** The demo opens on Alice's active session. */
export default function Home(): never {
  redirect(`/interviews/${DEMO_SESSION_IDS.active}`)
}
