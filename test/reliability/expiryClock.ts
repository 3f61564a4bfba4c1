import type { TabName } from './raceSessions'

/**
 * Who set a held timer: the tab a message was being delivered to (the expiry of the other tab's change it shows), or
 * a tab being reset (the read, once they would have expired, of the other tab's changes it showed).
 */
type Setter = TabName | `${TabName} reset`

/** A timer the clock holds: what `setTimeout` returned, for `clearTimeout`. */
class HeldTimer {
  constructor(
    readonly tab: Setter | undefined,
    readonly callback: () => void,
  ) {}
  // What callers of Node's timers may call on a handle.
  ref(): this {
    return this
  }
  unref(): this {
    return this
  }
  hasRef(): boolean {
    return false
  }
}

/**
 * The race run's clock for the expiry of other tabs' changes. A tab shows another tab's change until its end
 * arrives, or until `delayMs` (the api's `timeoutMs` + 1 s) have passed; in a run, real time never gets there, and
 * must not: the run would depend on how fast the machine is. So while installed, every `setTimeout` of exactly
 * `delayMs` is held (every other timer runs as usual), attributed to the tab whose message was being delivered (or
 * that was being reset) when it was set, and fires only when the model says that time passes. Runs stay the same for
 * their seed.
 */
export function createExpiryClock(delayMs: number) {
  const held = new Set<HeldTimer>()
  const state = { tab: undefined as Setter | undefined, fired: 0 }
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout }

  function heldSetTimeout(handler: unknown, ms?: number, ...args: unknown[]): unknown {
    if (ms === delayMs && typeof handler === 'function') {
      const timer = new HeldTimer(state.tab, () => void handler(...args))
      held.add(timer)
      return timer
    }
    return Reflect.apply(real.setTimeout, globalThis, [handler, ms, ...args])
  }
  function heldClearTimeout(timer: unknown): void {
    if (timer instanceof HeldTimer) held.delete(timer)
    else Reflect.apply(real.clearTimeout, globalThis, [timer])
  }

  return {
    install() {
      Object.defineProperty(globalThis, 'setTimeout', { value: heldSetTimeout, configurable: true, writable: true })
      Object.defineProperty(globalThis, 'clearTimeout', { value: heldClearTimeout, configurable: true, writable: true })
    },
    restore() {
      Object.defineProperty(globalThis, 'setTimeout', { value: real.setTimeout, configurable: true, writable: true })
      Object.defineProperty(globalThis, 'clearTimeout', { value: real.clearTimeout, configurable: true, writable: true })
      held.clear()
    },
    /** Runs `deliver` (a delivery to `tab`, or its reset) with the timers it sets attributed to `tab`. */
    during<T>(tab: Setter, deliver: () => T): T {
      state.tab = tab
      try {
        return deliver()
      } finally {
        state.tab = undefined
      }
    },
    /** The timers held for `tab`: one per other tab's change it shows. Timers set outside a delivery: `undefined`. */
    heldFor: (tab: Setter | undefined) => [...held].filter((timer) => timer.tab === tab).length,
    /** Time passes: every held timer fires, in the order they were set. Returns how many fired. */
    passTime(): number {
      const due = [...held]
      held.clear()
      for (const timer of due) timer.callback()
      state.fired += due.length
      return due.length
    },
    fired: () => state.fired,
  }
}

export type ExpiryClock = ReturnType<typeof createExpiryClock>
