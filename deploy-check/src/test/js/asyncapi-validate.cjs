// Parses an AsyncAPI document with @asyncapi/parser and prints every diagnostic, one per line:
// "<severity> <path>: <message>". Exits 1 when the parser reports an error or gives no document.
// Usage: node asyncapi-validate.cjs <file>, with NODE_PATH naming the node_modules that hold the parser.
const fs = require('fs');
const { Parser } = require('@asyncapi/parser');

const SEVERITY = ['error', 'warning', 'information', 'hint'];

async function main(file) {
  const { document, diagnostics } = await new Parser().parse(fs.readFileSync(file, 'utf8'), { source: file });
  for (const d of diagnostics) {
    console.log(`${SEVERITY[d.severity] || d.severity} ${d.path.join('.') || '(document)'}: ${d.message} [${d.code}]`);
  }
  const errors = diagnostics.filter((d) => d.severity === 0).length;
  console.log(`${errors} errors, ${diagnostics.length - errors} other diagnostics, document ${document ? 'parsed' : 'not parsed'}`);
  process.exitCode = errors === 0 && document ? 0 : 1;
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
