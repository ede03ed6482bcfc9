// Test helper: build documents with the page's generator and the pinned docx library, in Node.
// Reads {jobs: [{kind, draft, texts, out}]} as JSON on stdin, writes each .docx to `out` and
// prints the file names the page would give them, one JSON list on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import * as docx from "../../node_modules/docx/dist/index.mjs";
import { build } from "../../docs/assets/javascripts/application-docx/documents.mjs";

const { jobs } = JSON.parse(readFileSync(0, "utf-8"));
const names = [];
for (const { kind, draft, texts, out } of jobs) {
  const { document, fileName } = build(kind, docx, draft, texts);
  writeFileSync(out, await docx.Packer.toBuffer(document));
  names.push(fileName);
}
process.stdout.write(JSON.stringify(names));
