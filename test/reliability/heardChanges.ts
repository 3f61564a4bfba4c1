import type { StatusAction } from 'interview-session-kit'
import type { TabMessage } from './fakeBroadcastChannel'
import { TABS, type TabName } from './raceSessions'

/** Another tab's call a tab shows: its session, action, and when the tab heard of it (the run's order of arrivals). */
export interface HeardCall {
  id: string
  action: StatusAction
  at: number
}

/** What the model needs to know of a tab when a message reaches it. */
export interface HearingTab {
  /** Whether any cache entry of the tab holds a copy of the session. */
  holds(tab: TabName, id: string): boolean
  /** Whether a call of the tab's own for the session is waiting. */
  ownWaiting(tab: TabName, id: string): boolean
  /** The next number in the run's order of arrivals. */
  arrival(): number
}

const perTab = <T>(make: () => T): Record<TabName, T> => ({ A: make(), B: make() })

/**
 * The model of what each tab knows of the other tab's changes, kept from the messages the channel delivers, by the
 * kit's documented rules:
 * - a `begin` shows the other tab's call if the tab holds the session (a copy in a cache entry, or a call of its own
 *   or of another tab waiting), unless the tab shows that call already or heard of its end;
 * - an `end` settles its calls for good: a `begin` that arrives after it (reordered, or repeated) is ignored;
 * - a call whose end never comes (lost) expires when time passes (the tab then reads the session again);
 * - a reset (`resetApiState`) forgets the calls shown, not which calls ended: a `begin` that arrives late stays ignored.
 */
export function createHeardChanges(tab: HearingTab) {
  const shown = perTab(() => new Map<string, HeardCall>())
  const ended = perTab(() => new Set<string>())
  const counts = { accepted: 0, ignored: 0, expired: 0 }

  function hear(to: TabName, message: TabMessage) {
    if (message.type === 'end') {
      for (const call of message.calls) {
        const ref = `${message.from}:${call}`
        ended[to].add(ref)
        shown[to].delete(ref)
      }
      return
    }
    const ref = `${message.from}:${message.call}`
    const id = message.key
    const held = tab.holds(to, id) || tab.ownWaiting(to, id) || [...shown[to].values()].some((call) => call.id === id)
    if (ended[to].has(ref) || shown[to].has(ref) || !held) {
      counts.ignored += 1
      return
    }
    counts.accepted += 1
    shown[to].set(ref, { id, action: message.action, at: tab.arrival() })
  }

  return {
    hear,
    /** The latest other tab's call the tab shows for the session, if any. */
    latest(to: TabName, id: string): HeardCall | undefined {
      let latest: HeardCall | undefined
      for (const call of shown[to].values()) if (call.id === id && (!latest || call.at > latest.at)) latest = call
      return latest
    },
    /** How many other tabs' calls the tab shows. */
    count: (to: TabName) => shown[to].size,
    /** Time passes: every call shown whose end never came expires. */
    expireAll() {
      for (const name of TABS) {
        for (const ref of shown[name].keys()) ended[name].add(ref)
        counts.expired += shown[name].size
        shown[name].clear()
      }
    },
    reset(to: TabName) {
      shown[to].clear()
    },
    counts: counts as Readonly<typeof counts>,
  }
}

export type HeardChanges = ReturnType<typeof createHeardChanges>
