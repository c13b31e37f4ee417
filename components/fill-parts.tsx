/** A translated sentence with elements in it ("… keep fewer posts per feed in {settings}."): the words stay in the catalogue, the link in the code. */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';

/** `text` with each `{name}` replaced by `parts[name]` (a link, a <code>…); unknown names stay as they are. */
export function fillParts(text: string, parts: Record<string, ComponentChildren>): ComponentChildren[] {
  return text.split(/(\{\w+\})/).map((piece, i) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? <Fragment key={i}>{parts[name]}</Fragment> : piece;
  });
}
