import ts from 'typescript';

/** Attributes a shopper reads or hears: their text must come from messages, never a literal. */
const USER_VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'title',
  'alt',
  'label',
  'hint',
]);

export type UiLiteral = { line: number; text: string; where: string };

const hasWords = (text: string) => /\p{L}/u.test(text);

/** The string pieces of a literal expression that a reader would see (template parts included). */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return [];
}

/** Literals inside a rendered expression, skipping what is not shown: call arguments (`t('key')`), comparisons, keys, nested JSX. */
function shownLiterals(node: ts.Node, found: ts.Node[]): void {
  if (ts.isCallExpression(node)) {
    shownLiterals(node.expression, found);
    return;
  }
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind))
    return;
  if (ts.isElementAccessExpression(node)) return;
  if (literalTexts(node).length > 0) {
    found.push(node);
    if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => shownLiterals(span.expression, found));
    return;
  }
  ts.forEachChild(node, (child) => shownLiterals(child, found));
}

/**
 * English (or any) words written into a shopper-facing TSX file instead of coming from `messages/<locale>.json`:
 * JSX text, user-visible attributes (aria-label, placeholder, title, alt and our components' label/hint) and
 * string literals rendered as element children. Class names, keys, ids and `t('…')` keys are not text.
 */
export function findUiLiterals(fileName: string, source: string): UiLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const literals: UiLiteral[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    if (hasWords(text)) literals.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim(), where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'text');
    if (ts.isJsxAttribute(node) && USER_VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const found: ts.Node[] = [];
      if (ts.isStringLiteral(node.initializer)) found.push(node.initializer);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) shownLiterals(node.initializer.expression, found);
      for (const literal of found) for (const text of literalTexts(literal)) report(literal, text, node.name.getText());
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const found: ts.Node[] = [];
      shownLiterals(node.expression, found);
      for (const literal of found) for (const text of literalTexts(literal)) report(literal, text, 'child');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return literals;
}
