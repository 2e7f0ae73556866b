/**
 * Text from plans and responses (stage names, endpoint names, error messages) goes into markdown
 * that GitHub renders as HTML: escaped, so a stage named `</details><img src=x>` stays text and a
 * `|` cannot split a table cell.
 */
export function md(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '&#124;')
      // Emphasis, links and code markers; `_` stays (GitHub ignores it inside words).
      .replace(/[`*[\]\\]/g, (c) => `\\${c}`)
      .replace(/@/g, '@\u200b') // no @mentions pinged from a report
      .replace(/[\r\n]+/g, ' ')
  );
}

/** A markdown note (from `md` and `code`) as terminal text: no emphasis markers, escapes undone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*/g, '')
    .replace(/\\([`*[\]\\])/g, '$1')
    .replace(/\u200b/g, '')
    .replace(/&#124;/g, '|')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A string inside a Mermaid "quoted label". */
export function mermaidLabel(text: string): string {
  // Quotes end the label; angle brackets could be read as HTML by the renderer.
  return text
    .replace(/["\\]/g, "'")
    .replace(/[<>]/g, '')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 60);
}

/** A code span: GitHub shows its content literally (no HTML); backticks cannot end it early. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

/** Text (or an attribute value in double or single quotes) in the HTML report: inert whatever it holds. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
