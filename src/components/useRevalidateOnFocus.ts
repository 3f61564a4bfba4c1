import { setupListeners } from '@reduxjs/toolkit/query'
import { useEffect } from 'react'
import type { StoreAccess } from '../api/index.js'

// Focus comes back often (alt-tab, a dialog closing): the mounted entries are read again at most this often.
const THROTTLE_MS = 5_000

/**
 * Tells RTK Query when the window regains focus or visibility and when the browser is back online, so that it reads
 * the mounted entries again (the api's `revalidateOnFocus` / `revalidateOnReconnect`): what `setupListeners` does,
 * throttled, and only while the provider is mounted. A change in flight is not flipped back by these reads.
 */
export function useRevalidateOnFocus(dispatch: StoreAccess['dispatch']): void {
  useEffect(
    () =>
      setupListeners(dispatch, (send, { onFocus, onFocusLost, onOnline, onOffline }) => {
        if (typeof window === 'undefined' || !window.addEventListener) return () => {}
        let last = -Infinity
        const focused = () => {
          const now = Date.now()
          if (now - last < THROTTLE_MS) return
          last = now
          send(onFocus())
        }
        const visibility = () => (document.visibilityState === 'visible' ? focused() : send(onFocusLost()))
        const online = () => send(onOnline())
        const offline = () => send(onOffline())
        window.addEventListener('focus', focused, false)
        window.addEventListener('visibilitychange', visibility, false)
        window.addEventListener('online', online, false)
        window.addEventListener('offline', offline, false)
        return () => {
          window.removeEventListener('focus', focused)
          window.removeEventListener('visibilitychange', visibility)
          window.removeEventListener('online', online)
          window.removeEventListener('offline', offline)
        }
      }),
    [dispatch],
  )
}
