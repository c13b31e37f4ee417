/**
 * Finds words written inline in a page's source instead of coming from the catalogues: JSX text
 * with letters, and literal text (strings, template literals) rendered as a child or given to a
 * prop the reader sees or hears (aria-label, title, placeholder, alt, label). In a plain .ts file
 * that builds text for the screen (no JSX), every literal of two words or more outside t(),
 * console and imports. Used by the catalogue test; Node only (it parses with the TypeScript
 * compiler, never shipped in a page).
 */
import ts from 'typescript';

/** One inline string: where it is and what it says. */
export interface InlineString {
  line: number;
  text: string;
}

/** Props whose value the reader sees or hears. */
const SHOWN_PROPS = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
// A letter of any script: "× ▶ · ✓ 1:05" are signs, not words.
const LETTER = /\p{L}/u;
// Two words: a sentence, not an identifier, a key, a MIME type or a URL path.
const WORDS = /\p{L}\s+\p{L}/u;

/** The literal text of `node` that would reach the screen, following ?: branches and && / || / ?? / + operands (never into calls: t('key') is the point). */
function shownLiterals(node: ts.Expression, found: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (LETTER.test(node.text)) found.push(node);
  } else if (ts.isTemplateExpression(node)) {
    if (LETTER.test(node.head.text) || node.templateSpans.some((s) => LETTER.test(s.literal.text))) found.push(node);
    else for (const s of node.templateSpans) shownLiterals(s.expression, found);
  } else if (ts.isParenthesizedExpression(node)) shownLiterals(node.expression, found);
  else if (ts.isConditionalExpression(node)) {
    shownLiterals(node.whenTrue, found);
    shownLiterals(node.whenFalse, found);
  } else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) shownLiterals(node.right, found);
    else if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      shownLiterals(node.left, found);
      shownLiterals(node.right, found);
    }
  }
}

const literalText = (node: ts.Node): string | undefined =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} ')
      : undefined;

/** A call whose arguments are not shown as they are: the catalogue's t()/tn(), the console. */
function isExemptCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression.getText();
  return callee === 't' || callee === 'tn' || callee.startsWith('console.');
}

/** A sentence written in a .ts file: a literal of two words or more that is not a module name, a type, or t()/console text. */
function isSentenceLiteral(node: ts.Node): boolean {
  const text = literalText(node);
  if (text === undefined || !WORDS.test(text)) return false;
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isExternalModuleReference(parent)) return false;
  return !isExemptCall(parent);
}

/** Every inline string in the source of one .tsx/.ts file, in order. */
export function findInlineStrings(source: string, fileName = 'file.tsx'): InlineString[] {
  const plainTs = fileName.endsWith('.ts');
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, plainTs ? ts.ScriptKind.TS : ts.ScriptKind.TSX);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (plainTs) {
      if (isSentenceLiteral(node)) return void found.push(node);
    } else if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) found.push(node);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      shownLiterals(node.expression, found);
    } else if (ts.isJsxAttribute(node) && SHOWN_PROPS.has(node.name.getText(file))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init)) {
        if (LETTER.test(init.text)) found.push(init);
      } else if (init && ts.isJsxExpression(init) && init.expression) shownLiterals(init.expression, found);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.map((n) => ({
    line: file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1,
    text: (ts.isJsxText(n) ? n.text : n.getText(file)).trim().replace(/\s+/g, ' '),
  }));
}
