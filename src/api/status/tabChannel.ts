import { isSessionId, type InterviewSession, type StatusAction } from '../../model/index.js'

/**
 * What one tab tells the others: a change it started (`begin`), and how its request ended (`end`: the server's
 * confirmed copy, or a failure; `readAgain` when the request was sent and what the server holds now is unknown, as
 * after a timeout or a 5xx). Never a token, never whole state.
 */
export type TabMessage =
  | { v: 1; from: string; type: 'begin'; key: string; call: number; action: StatusAction }
  | { v: 1; from: string; type: 'end'; key: string; calls: number[]; copy?: InterviewSession; readAgain?: true }

/** The cross-tab channel of one store. */
export interface TabChannel {
  readonly id: string
  post(message: DistributiveOmit<TabMessage, 'v' | 'from'>): void
  close(): void
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Partial<Record<string, unknown>>
  if (message.v !== 1 || typeof message.from !== 'string' || typeof message.key !== 'string') return false
  if (!isSessionId(message.key)) return false
  if (message.type === 'begin') {
    return typeof message.call === 'number' && (message.action === 'pause' || message.action === 'resume')
  }
  return (
    message.type === 'end' &&
    Array.isArray(message.calls) &&
    message.calls.every((call) => typeof call === 'number') &&
    (message.readAgain === undefined || message.readAgain === true)
  )
}

/**
 * Opens the channel the stores of one api share across the tabs of an origin (`BroadcastChannel`), or returns
 * `undefined` where there is none, or while rendering on a server (requests of different users share one process
 * there). Messages a store posts reach every other store of the api, in this page too.
 */
export function openTabChannel(name: string, receive: (message: TabMessage) => void): TabChannel | undefined {
  if (typeof window === 'undefined' || typeof BroadcastChannel !== 'function') return undefined
  const channel = new BroadcastChannel(name)
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isTabMessage(event.data) && event.data.from !== id) receive(event.data)
  }
  // An open channel keeps a Node process (a test run) alive: it should not.
  ;(channel as { unref?: () => void }).unref?.()
  return {
    id,
    post(message) {
      try {
        channel.postMessage({ ...message, v: 1, from: id })
      } catch {
        // A closed channel: the other tabs revalidate when their view comes back.
      }
    },
    close: () => channel.close(),
  }
}
