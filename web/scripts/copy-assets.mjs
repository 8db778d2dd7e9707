// Copies the parts of the DSFR and of DSFR Chart the pages use into the application's static resources
// (target/classes/META-INF/resources/dsfr), keeping the package's folder layout so the relative URLs inside
// the style sheets (fonts, icons) still resolve. Run by the Maven build after `npm ci`.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const target = process.argv[2] ?? join(here, 'target', 'classes', 'META-INF', 'resources', 'dsfr');
const dsfr = join(here, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const chart = join(here, 'node_modules', '@gouvfr', 'dsfr-chart', 'dist');

const copies = [
  [dsfr, 'dsfr.min.css'],
  [dsfr, 'dsfr.module.min.js'],
  [dsfr, 'dsfr.nomodule.min.js'],
  [dsfr, 'fonts'],
  [dsfr, 'icons'],
  [dsfr, 'favicon'],
  [dsfr, 'utility/icons/icons.min.css'],
  [chart, 'BarChart/BarChart.js', 'chart'],
  [chart, 'BarChart/BarChart.css', 'chart'],
  [chart, 'PieChart/PieChart.js', 'chart'],
  [chart, 'PieChart/PieChart.css', 'chart'],
];

for (const [from, path] of [[dsfr, ''], [chart, '']]) {
  if (!existsSync(join(from, path))) {
    console.error(`missing ${from}: run npm ci in ${here} first`);
    process.exit(1);
  }
}
rmSync(target, { recursive: true, force: true });
for (const [from, path, under] of copies) {
  const to = join(target, under ?? '', path);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(from, path), to, { recursive: true });
}
console.log(`DSFR assets copied to ${target}`);
