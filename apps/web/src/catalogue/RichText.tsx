import { Fragment, ReactNode } from 'react';

/**
 * Long text of a good practice as the Word export lays it out: a blank line starts a new paragraph,
 * a single line break stays a line break, and lines starting with "- " are a bulleted list.
 */
export function RichText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, index) => (
        <Fragment key={index}>{blockOf(block)}</Fragment>
      ))}
    </>
  );
}

function blockOf(block: string): ReactNode {
  const lines = block.split('\n');
  const out: ReactNode[] = [];
  let text: string[] = [];
  let items: string[] = [];
  const flushText = () => {
    if (!text.length) return;
    const lines = text;
    out.push(
      <p key={out.length}>
        {lines.map((line, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </p>,
    );
    text = [];
  };
  const flushItems = () => {
    if (!items.length) return;
    out.push(
      <ul key={out.length}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>,
    );
    items = [];
  };
  for (const line of lines) {
    const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
    if (bullet) {
      flushText();
      items.push(bullet[1]);
    } else {
      flushItems();
      text.push(line);
    }
  }
  flushText();
  flushItems();
  return out;
}
