import { useEffect } from 'react'
import type { KitHandle, StoreAccess } from '../api/index.js'

// Focus comes back often (alt-tab, a dialog closing): the mounted entries are read again at most this often.
const THROTTLE_MS = 5_000

/**
 * Reads the api's mounted entries again when the window regains focus or visibility (at most once every few
 * seconds) and when the browser is back online, as the api's `revalidateOnFocus` / `revalidateOnReconnect` say, only
 * while the provider is mounted. It invalidates the api's own tags rather than dispatching RTK's focus actions, which
 * every api of the host's store would act on. A change in flight is not flipped back by these reads, and RTK runs
 * them once the running requests have ended.
 */
export function useRevalidateOnFocus(dispatch: StoreAccess['dispatch'], kit: KitHandle): void {
  const { api } = kit
  const { focus, reconnect } = kit.revalidate
  useEffect(() => {
    if (typeof window === 'undefined' || !window.addEventListener) return undefined
    const revalidate = () => void dispatch(api.util.invalidateTags(['Interview', 'InterviewList']))
    let last = -Infinity
    const focused = () => {
      const now = Date.now()
      if (now - last < THROTTLE_MS) return
      last = now
      revalidate()
    }
    const visibility = () => {
      if (document.visibilityState === 'visible') focused()
    }
    if (focus) {
      window.addEventListener('focus', focused, false)
      window.addEventListener('visibilitychange', visibility, false)
    }
    if (reconnect) window.addEventListener('online', revalidate, false)
    return () => {
      window.removeEventListener('focus', focused)
      window.removeEventListener('visibilitychange', visibility)
      window.removeEventListener('online', revalidate)
    }
  }, [dispatch, api, focus, reconnect])
}
