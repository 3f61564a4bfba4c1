import type { CSSProperties } from 'react'

/**
 * Hides content visually while keeping it in the accessibility tree (no stylesheet needed). Out of the flow, a 1 px
 * box clipped to nothing; no shorthands (`border`, `margin`, `padding`, `clip`), whose parsing is the costly part of
 * an inline style, in jsdom above all.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
}
