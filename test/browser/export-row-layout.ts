/** The options page's Planet export row, measured in the page (Chromium or Firefox): no label may run into another field. */

/** A field's box and where its label's words end. */
export interface FieldBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  wordsRight: number;
}

/** Run in the page (self-contained): every field of the row with its label's words. */
export function exportRowBoxes(): FieldBox[] {
  return [...document.querySelectorAll('form.planet-export label.field')].map((f) => {
    const own = f.getBoundingClientRect();
    const words = (f.querySelector('span') as HTMLElement).getBoundingClientRect();
    return { left: own.left, right: own.right, top: own.top, bottom: own.bottom, wordsRight: words.right };
  });
}

/** What is wrong with the row: words past their field, or two fields on one line less than 8 px apart. */
export function exportRowProblems(boxes: FieldBox[]): string[] {
  const problems: string[] = [];
  for (const [i, b] of boxes.entries()) {
    if (b.wordsRight > b.right + 0.5) problems.push(`field ${i}: its words end at ${b.wordsRight}, past its edge at ${b.right}`);
    for (const [j, o] of boxes.entries()) {
      if (j <= i) continue;
      const sameLine = o.top < b.bottom && b.top < o.bottom;
      if (sameLine && !(o.left >= b.right + 8 || b.left >= o.right + 8)) problems.push(`fields ${i} and ${j} touch or overlap`);
    }
  }
  return problems;
}
