// Writes the official documents' templates to services/gateway/templates:
// `npx tsx services/gateway/src/files/build-templates-cli.ts`. A secretariat edits its own copies
// in Word and points DOCUMENT_TEMPLATES_DIR at their folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docxFile, repositoryTemplates } from './docx-templates.ts';

const folder = fileURLToPath(new URL('../../templates/', import.meta.url));
mkdirSync(folder, { recursive: true });
for (const [name, xml] of Object.entries(repositoryTemplates)) {
  writeFileSync(`${folder}${name}`, docxFile(xml()));
  console.log(`${folder}${name}`);
}
