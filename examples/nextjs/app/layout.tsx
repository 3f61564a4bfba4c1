import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import 'interview-session-kit/styles.css'
import './globals.css'

export const metadata: Metadata = {
  title: 'interview-session-kit · Next.js example',
  description: 'Pause and resume an interview session, rendered on the server.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
