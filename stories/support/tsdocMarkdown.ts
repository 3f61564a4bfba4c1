import { extractComponentDescription } from 'storybook/internal/docs-tools'

/**
 * A component's TSDoc as Markdown for its docs page. react-docgen hands Storybook the comment as written, block tags
 * included, and Storybook renders it as Markdown: `@example` would show as a stray paragraph above its code. Here the
 * summary stays as written, each `@example` becomes a labelled code block (fenced as `tsx` when the comment has no
 * fence), `@remarks` text joins the summary, other block tags become labelled paragraphs, and `{@link X}` shows `X`
 * as code.
 */
export function tsdocMarkdown(comment: string): string {
  const { summary, tags } = splitBlockTags(comment)
  return [inlineLinks(summary), ...tags.map(renderTag)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n\n')
}

/** `extractComponentDescription` for `parameters.docs`: Storybook's own, through {@link tsdocMarkdown}. */
export function componentDescription(component: unknown): string {
  return tsdocMarkdown(extractComponentDescription(component))
}

interface BlockTag {
  name: string
  /** The text on the tag's own line (an `@example`'s title). */
  title: string
  /** The lines after the tag's line, up to the next block tag. */
  body: string
}

const BLOCK_TAG = /^@(\w+)\s*(.*)$/
const FENCE = /^\s*(```|~~~)/

/** Splits a comment at its block tags; a line starting with `@` inside a code fence stays code. */
function splitBlockTags(comment: string): { summary: string; tags: BlockTag[] } {
  const summary: string[] = []
  const tags: { name: string; title: string; lines: string[] }[] = []
  let inFence = false
  for (const line of comment.split('\n')) {
    const tag = inFence ? null : BLOCK_TAG.exec(line.trim())
    if (tag) tags.push({ name: tag[1] ?? '', title: tag[2] ?? '', lines: [] })
    else (tags.at(-1)?.lines ?? summary).push(line)
    if (FENCE.test(line)) inFence = !inFence
  }
  return {
    summary: summary.join('\n'),
    tags: tags.map(({ name, title, lines }) => ({ name, title: title.trim(), body: lines.join('\n').trim() })),
  }
}

function renderTag({ name, title, body }: BlockTag): string {
  const text = inlineLinks([title, body].filter((part) => part !== '').join('\n'))
  switch (name) {
    case 'example': {
      const code = FENCE.test(body) ? body : body === '' ? '' : `\`\`\`tsx\n${body}\n\`\`\``
      return [`**Example${title === '' ? '' : `: ${title}`}**`, code].filter((part) => part !== '').join('\n\n')
    }
    case 'remarks':
      return text
    case 'deprecated':
      return `**Deprecated.** ${text}`
    case 'see':
      return `See also: ${text}`
    case 'default':
    case 'defaultValue':
      return `Default: ${text}`
    default:
      // Modifier tags (`@public`, `@beta`, `@internal` …) carry no text for a reader.
      return text === '' ? '' : `**${name.charAt(0).toUpperCase()}${name.slice(1)}:** ${text}`
  }
}

/** `{@link Target}` and `{@link Target | label}` (or `{@link Target label}`). */
function inlineLinks(markdown: string): string {
  return markdown.replace(/\{@link(?:code|plain)?\s+([^\s|}]+)\s*(?:\|\s*)?([^}]*)\}/g, (_match, target: string, label: string) =>
    label.trim() === '' ? `\`${target}\`` : label.trim(),
  )
}
