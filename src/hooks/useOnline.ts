import { useSyncExternalStore } from 'react'

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener)
  window.addEventListener('offline', listener)
  return () => {
    window.removeEventListener('online', listener)
    window.removeEventListener('offline', listener)
  }
}

const online = () => navigator.onLine
const onServer = () => true

/**
 * Whether the browser reports being online (`navigator.onLine`), following its `online` and `offline` events; true
 * while rendering on a server. A pause or resume while offline fails at once with `reason: 'offline'`, and Retry
 * waits for this to be true again.
 *
 * @example
 * ```tsx
 * const online = useOnline()
 * return online ? null : <p role="status">You are offline</p>
 * ```
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, online, onServer)
}
