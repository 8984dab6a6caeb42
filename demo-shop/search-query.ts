/**
 * Shopify search syntax for `orders(query:)`: `field:value`, quoted values, AND / OR / implicit AND,
 * NOT and `-field:`, comparators `:<` `:<=` `:>` `:>=`, parentheses, trailing `*` prefix wildcard.
 * Unknown fields and bad values become warnings (like Shopify's `extensions.search`), never errors.
 */

export type Comparator = ':' | '<' | '<=' | '>' | '>=';

export type SearchNode =
  | { type: 'and' | 'or'; children: SearchNode[] }
  | { type: 'not'; child: SearchNode }
  | { type: 'term'; field: string | null; comparator: Comparator; value: string; quoted: boolean };

export interface SearchWarning {
  field: string;
  message: string;
}

type Token = { kind: 'word'; text: string } | { kind: 'open' } | { kind: 'close' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(') {
      tokens.push({ kind: 'open' });
      i++;
      continue;
    }
    if (ch === ')') {
      tokens.push({ kind: 'close' });
      i++;
      continue;
    }
    let text = '';
    while (i < input.length && !/[\s()]/.test(input.charAt(i))) {
      const c = input.charAt(i);
      if (c === '"' || c === "'") {
        // A backslash escapes the next character inside quotes (`'o\'connor@x.com'`), as in Shopify's syntax.
        let end = i + 1;
        while (end < input.length && input.charAt(end) !== c) end += input.charAt(end) === '\\' ? 2 : 1;
        const stop = Math.min(end, input.length);
        text += input.slice(i, stop + 1);
        i = stop + 1;
      } else {
        text += c;
        i++;
      }
    }
    tokens.push({ kind: 'word', text });
  }
  return tokens;
}

function unquote(raw: string): { value: string; quoted: boolean } {
  const m = /^(["'])(.*)\1$/s.exec(raw) ?? /^(["'])(.*)$/s.exec(raw);
  return m ? { value: (m[2] ?? '').replace(/\\(.)/gs, '$1'), quoted: true } : { value: raw, quoted: false };
}

function parseTerm(text: string): SearchNode {
  const negated = text.startsWith('-') && text.length > 1;
  const body = negated ? text.slice(1) : text;
  const m = /^([A-Za-z_][A-Za-z0-9_.]*):(<=|>=|<|>)?(.*)$/s.exec(body);
  let term: SearchNode;
  if (m) {
    const { value, quoted } = unquote(m[3] ?? '');
    term = { type: 'term', field: (m[1] ?? '').toLowerCase(), comparator: (m[2] as Comparator | undefined) ?? ':', value, quoted };
  } else {
    const { value, quoted } = unquote(body);
    term = { type: 'term', field: null, comparator: ':', value, quoted };
  }
  return negated ? { type: 'not', child: term } : term;
}

/** Parses a search string; returns null for an empty query (which matches everything). */
export function parseSearchQuery(input: string): SearchNode | null {
  const tokens = tokenize(input);
  let pos = 0;
  const peekWord = (): string | null => {
    const t = tokens[pos];
    return t?.kind === 'word' ? t.text : null;
  };
  const parseOr = (): SearchNode | null => {
    const parts: SearchNode[] = [];
    const first = parseAnd();
    if (first) parts.push(first);
    while (peekWord() === 'OR') {
      pos++;
      const next = parseAnd();
      if (next) parts.push(next);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : { type: 'or', children: parts };
  };
  const parseAnd = (): SearchNode | null => {
    const parts: SearchNode[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos]!;
      if (t.kind === 'close') break;
      if (t.kind === 'word' && t.text === 'OR') break;
      if (t.kind === 'word' && t.text === 'AND') {
        pos++;
        continue;
      }
      const u = parseUnary();
      if (u) parts.push(u);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : { type: 'and', children: parts };
  };
  const parseUnary = (): SearchNode | null => {
    const t = tokens[pos++];
    if (!t) return null;
    if (t.kind === 'open') {
      const inner = parseOr();
      if (tokens[pos]?.kind === 'close') pos++;
      return inner;
    }
    if (t.kind === 'close') return null;
    if (t.text === 'NOT') {
      const child = parseUnary();
      return child ? { type: 'not', child } : null;
    }
    return parseTerm(t.text);
  };
  const result = parseOr();
  return result;
}

/** Shopify-ish rendering of the parse tree for `extensions.search[].parsed`. */
export function describeSearchNode(node: SearchNode): unknown {
  switch (node.type) {
    case 'and':
      return { and: node.children.map(describeSearchNode) };
    case 'or':
      return { or: node.children.map(describeSearchNode) };
    case 'not':
      return { not: describeSearchNode(node.child) };
    case 'term': {
      const key = { ':': 'match_all', '<': 'range_lt', '<=': 'range_lte', '>': 'range_gt', '>=': 'range_gte' }[node.comparator];
      return { field: node.field ?? 'default', [key]: node.value };
    }
  }
}
