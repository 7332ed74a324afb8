/**
 * Finds the module specifiers a TypeScript file imports: static imports and
 * re-exports (`import … from`, `import '…'`, `export … from`) and dynamic
 * `import('…')` with a literal argument. A small tokenizer skips comments,
 * strings, template literals and regular expressions, so an import written in
 * a comment or a string does not count.
 */

/** One import found in a file. */
export interface ImportRef {
  readonly specifier: string;
  /** 1-based line of the specifier. */
  readonly line: number;
}

interface Token {
  readonly kind: 'word' | 'string' | 'punct';
  readonly text: string;
  readonly line: number;
}

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'in', 'of', 'new', 'delete', 'void', 'throw', 'else', 'do', 'yield', 'await']);

/** Splits source into words, string literals and punctuation (comments, templates and regexes dropped). */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  // template nesting: each entry is the brace depth at which a `${` expression returns to its template
  const templateStack: number[] = [];
  let braceDepth = 0;
  const skipTemplate = (): void => {
    // i is just inside a template literal; stop after its closing backtick or at a `${`
    while (i < n) {
      const c = src[i]!;
      if (c === '\\') { i += 2; continue; }
      if (c === '\n') line++;
      if (c === '`') { i++; return; }
      if (c === '$' && src[i + 1] === '{') { i += 2; templateStack.push(braceDepth); braceDepth++; return; }
      i++;
    }
  };
  while (i < n) {
    const c = src[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      for (let k = i; k < end; k++) if (src[k] === '\n') line++;
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const startLine = line;
      let j = i + 1;
      let text = '';
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') { text += src[j + 1] ?? ''; j += 2; continue; }
        text += src[j];
        j++;
      }
      tokens.push({ kind: 'string', text, line: startLine });
      i = j + 1;
      continue;
    }
    if (c === '`') { i++; skipTemplate(); tokens.push({ kind: 'punct', text: '`', line }); continue; }
    if (c === '/') {
      const prev = tokens[tokens.length - 1];
      const isRegex = !prev
        || (prev.kind === 'punct' && prev.text !== ')' && prev.text !== ']' && prev.text !== '}' && prev.text !== '`')
        || (prev.kind === 'word' && REGEX_AFTER_WORD.has(prev.text));
      if (isRegex) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          const d = src[j]!;
          if (d === '\\') { j += 2; continue; }
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) break;
          j++;
        }
        i = j + 1;
        while (i < n && /[a-z]/i.test(src[i]!)) i++;
        tokens.push({ kind: 'word', text: '<regex>', line });
        continue;
      }
    }
    if (/[A-Za-z_$0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z_$0-9]/.test(src[j]!)) j++;
      tokens.push({ kind: 'word', text: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (c === '{') braceDepth++;
    if (c === '}') {
      braceDepth--;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        i++;
        skipTemplate();
        continue;
      }
    }
    tokens.push({ kind: 'punct', text: c, line });
    i++;
  }
  return tokens;
}

const STOP_WORDS = new Set(['import', 'export', 'const', 'let', 'var', 'function', 'class', 'default', 'interface', 'enum', 'async', 'abstract', 'declare']);

/** The specifiers `src` imports, in source order. */
export function findImports(src: string): ImportRef[] {
  const tokens = tokenize(src);
  const out: ImportRef[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || (t.text !== 'import' && t.text !== 'export')) continue;
    const prev = tokens[k - 1];
    if (prev && prev.kind === 'punct' && prev.text === '.') continue; // a property named import
    const next = tokens[k + 1];
    if (!next) break;
    if (t.text === 'import' && next.kind === 'string') { out.push({ specifier: next.text, line: next.line }); continue; }
    if (t.text === 'import' && next.text === '(') {
      const arg = tokens[k + 2];
      if (arg && arg.kind === 'string' && tokens[k + 3]?.text === ')') out.push({ specifier: arg.text, line: arg.line });
      continue;
    }
    if (t.text === 'import' && next.text === '.') continue; // import.meta
    // a declaration with a `from` clause: scan to `from '…'`, giving up at `;` or a declaration keyword
    for (let j = k + 1; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.kind === 'punct' && (u.text === ';' || u.text === '=' || u.text === '(')) break;
      if (u.kind === 'word' && STOP_WORDS.has(u.text)) break;
      if (u.kind === 'word' && u.text === 'from' && tokens[j + 1]?.kind === 'string') {
        out.push({ specifier: tokens[j + 1]!.text, line: tokens[j + 1]!.line });
        break;
      }
    }
  }
  return out;
}
