/**
 * The focus hand-over between a session's Pause and Resume buttons. When an activated button had focus, it offers
 * focus to the button that replaces it in the same parent element (the same control group): one group's buttons never
 * take focus from another's. The offer is dropped when the activated button leaves before its change settled (its row
 * left a filtered list), when focus moves anywhere else, and right after the commit that could have taken it: a button
 * mounted later never takes focus.
 */
export interface FocusHandoff {
  /** `from`, the activated button of session `key`, had focus. */
  offer(from: HTMLElement, key: string): void
  /** Whether `to`, a button of session `key`, takes the offer made in its parent; the offer is then spent. */
  take(to: HTMLElement, key: string): boolean
  /** Drops the offer `from` made, now or (`later`) once the current commit is over. */
  withdraw(from: HTMLElement, later?: boolean): void
}

interface Offer {
  key: string
  from: HTMLElement
}

export function createFocusHandoff(): FocusHandoff {
  const offers = new Map<Element, Offer>()
  const onFocusIn = (event: FocusEvent) => {
    for (const [parent, offer] of offers) if (event.target !== offer.from) offers.delete(parent)
    if (offers.size === 0) stopListening()
  }
  let listening = false
  const startListening = () => {
    if (listening) return
    listening = true
    document.addEventListener('focusin', onFocusIn)
  }
  const stopListening = () => {
    if (!listening) return
    listening = false
    document.removeEventListener('focusin', onFocusIn)
  }
  const drop = (from: HTMLElement) => {
    for (const [parent, offer] of offers) if (offer.from === from) offers.delete(parent)
    if (offers.size === 0) stopListening()
  }
  return {
    offer(from, key) {
      const parent = from.parentElement
      if (!parent) return
      offers.set(parent, { key, from })
      startListening()
    },
    take(to, key) {
      // Most buttons mount with no offer anywhere: nothing to look up in the document then.
      if (offers.size === 0) return false
      const parent = to.parentElement
      const offer = parent ? offers.get(parent) : undefined
      if (!parent || !offer || offer.key !== key || offer.from === to) return false
      offers.delete(parent)
      if (offers.size === 0) stopListening()
      // Only focus lost with the button it replaces: never from wherever the user moved it.
      const active = to.ownerDocument.activeElement
      return active === null || active === to.ownerDocument.body || !active.isConnected
    },
    withdraw(from, later = false) {
      if (offers.size === 0) return
      if (later) setTimeout(() => drop(from), 0)
      else drop(from)
    },
  }
}
