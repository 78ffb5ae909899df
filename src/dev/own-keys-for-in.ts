/**
 * A build step for widget.js and the npm package: every `for (key in object)` in the bundle — ours, React's,
 * react-hook-form's, zod's — becomes `for (key of Object.keys(Object(object)))`.
 *
 * Why: `for…in` also walks enumerable properties a host page added to Object.prototype or Array.prototype
 * (`Object.prototype.polluted = 'yes'`, old utility libraries). zod 4 then throws while it defines its schemas
 * and react-hook-form treats the extra key as a field, so the form never opened. These libraries mean "own
 * keys" everywhere they loop; `Object(…)` keeps for…in's "null and undefined loop zero times". Done on the whole
 * chunk, after bundling, so it holds for whichever version of a library is bundled.
 */
import { type Plugin, parseAst } from 'vite';

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

function visit(node: AstNode, found: (node: AstNode) => void): void {
  found(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, found);
  }
}

/** The chunk with every for…in header rewritten; the loop bodies are untouched. */
export function rewriteForIn(code: string): { code: string; loops: number } {
  const edits: { at: number; end: number; text: string }[] = [];
  // ESTree from the parser: only `type`, `start`, `end` and child nodes are read, which AstNode describes.
  const program: unknown = parseAst(code);
  visit(program as AstNode, (node) => {
    if (node.type !== 'ForInStatement') return;
    const left = node.left as AstNode;
    const right = node.right as AstNode;
    // Parenthesised: the object may be a comma expression, as minified code writes `for (a in r = {}, n)`.
    edits.push({ at: left.end, end: right.start, text: 'of Object.keys(Object((' });
    edits.push({ at: right.end, end: right.end, text: ')))' });
  });
  let out = code;
  // From the end, so earlier offsets stay valid; the whitespace and `in` between left and right are replaced.
  for (const { at, end, text } of edits.sort((a, b) => b.at - a.at)) {
    const between = out.slice(at, end);
    out = out.slice(0, at) + (end > at ? between.replace(/\bin\b/, text) : text) + out.slice(end);
  }
  return { code: out, loops: edits.length / 2 };
}

export function ownKeysForIn(): Plugin {
  return {
    name: 'own-keys-for-in',
    renderChunk(code) {
      return { code: rewriteForIn(code).code, map: null };
    },
  };
}
