// The board's logic modules (src/board/) never touch the DOM: the DOM modules draw and listen, these decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../src/board/', import.meta.url);
const dom = /\b(document|window|HTMLElement|HTML\w*Element|Node|Element|localStorage|requestAnimationFrame|navigator)\b|from '\.\.\/(dom|view|matrix|editor|side|tools|detail|talk|replay|model)'/;

test('every logic module under src/board is free of the DOM and of the DOM modules', () => {
  const files = readdirSync(dir).filter(f => f.endsWith('.ts'));
  assert.ok(files.length >= 8, files.join(', '));
  for (const file of files) {
    const code = readFileSync(new URL(file, dir), 'utf8').split('\n').filter(line => !line.trim().startsWith('//') && !line.trim().startsWith('*') && !line.trim().startsWith('/**'));
    const hit = code.find(line => dom.test(line));
    assert.equal(hit, undefined, `${file}: ${hit}`);
  }
});
