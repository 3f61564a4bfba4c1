/**
 * The focus hand-over between a session's controls. When an activated button had focus, it offers focus to the button
 * that replaces it in the same parent element (the same control group): one group's buttons never take focus from
 * another's. A control that goes away with no sibling to replace it (the Retry of the provider's alert) offers focus
 * to the session instead: the next button of that session that mounts while focus is lost takes it. An offer is
 * dropped when the activated button leaves before its change settled (its row left a filtered list), when focus moves
 * anywhere else or the user clicks anywhere else, and right after the commit that could have taken it.
 */
export interface FocusHandoff {
  /** `from`, the activated button of session `key`, had focus. */
  offer(from: HTMLElement, key: string): void
  /** `from`, the activated control of session `key`, had focus and goes away: any button of `key` may take it. */
  offerToSession(from: HTMLElement, key: string): void
  /** Whether `to`, a button of session `key`, takes an offer made in its parent or to its session; it is then spent. */
  take(to: HTMLElement, key: string): boolean
  /** Drops the offers `from` made, now or (`later`) once the current commit is over. */
  withdraw(from: HTMLElement, later?: boolean): void
}

interface Offer {
  key: string
  from: HTMLElement
}

/** A {@link FocusHandoff}: one per store (see `sharedByRuntime`). */
export function createFocusHandoff(): FocusHandoff {
  // Offers by the parent element of the button that made them, and by session for controls with no sibling.
  const inParent = new Map<Element, Offer>()
  const toSession = new Map<string, Offer>()
  const count = () => inParent.size + toSession.size
  const prune = (gone: (offer: Offer) => boolean) => {
    for (const [parent, offer] of inParent) if (gone(offer)) inParent.delete(parent)
    for (const [key, offer] of toSession) if (gone(offer)) toSession.delete(key)
    if (count() === 0) stopListening()
  }
  const onFocusIn = (event: FocusEvent) => prune((offer) => event.target !== offer.from)
  // A click elsewhere moves the user's attention even where it moves no focus (on text, on the page itself).
  const onPointerDown = (event: Event) => prune((offer) => !(event.target instanceof Node && offer.from.contains(event.target)))
  let listening = false
  const startListening = () => {
    if (listening) return
    listening = true
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('pointerdown', onPointerDown, true)
  }
  const stopListening = () => {
    if (!listening) return
    listening = false
    document.removeEventListener('focusin', onFocusIn)
    document.removeEventListener('pointerdown', onPointerDown, true)
  }
  const drop = (from: HTMLElement) => prune((offer) => offer.from === from)
  /** Takes `offer` out of `offers` under `where`; whether focus was lost with the control that made it. */
  const spend = <K>(offers: Map<K, Offer>, where: K, to: HTMLElement): boolean => {
    offers.delete(where)
    if (count() === 0) stopListening()
    // Only focus lost with the control it replaces: never from wherever the user moved it.
    const active = to.ownerDocument.activeElement
    return active === null || active === to.ownerDocument.body || !active.isConnected
  }
  return {
    offer(from, key) {
      const parent = from.parentElement
      if (!parent) return
      inParent.set(parent, { key, from })
      startListening()
    },
    offerToSession(from, key) {
      toSession.set(key, { key, from })
      startListening()
    },
    take(to, key) {
      // Most buttons mount with no offer anywhere: nothing to look up in the document then.
      if (count() === 0) return false
      const parent = to.parentElement
      const offer = parent ? inParent.get(parent) : undefined
      if (parent && offer && offer.key === key && offer.from !== to) return spend(inParent, parent, to)
      const session = toSession.get(key)
      if (session && session.from !== to) return spend(toSession, key, to)
      return false
    },
    withdraw(from, later = false) {
      if (count() === 0) return
      if (later) setTimeout(() => drop(from), 0)
      else drop(from)
    },
  }
}
