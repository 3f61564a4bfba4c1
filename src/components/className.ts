/**
 * The component's own class (`isk-…`, what the default stylesheet styles, at zero specificity) followed by the
 * host's `className`.
 */
export function className(own: string, theirs: string | undefined): string {
  return theirs ? `${own} ${theirs}` : own
}
