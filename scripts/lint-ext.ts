/**
 * `npm run lint:ext`: runs Mozilla's `web-ext lint` (the checks addons.mozilla.org runs on upload) on
 * the store zips that `npm run zip` wrote to .output/. Fails on any error, and on any warning not
 * accepted below with its reason, so a new finding is read before a store sees it. The npm script
 * zips first, so what is linted is exactly what would be uploaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Finding {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  file?: string;
}
interface Report {
  summary: { errors: number; warnings: number; notices: number };
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}
interface Accepted {
  code: string;
  file?: RegExp;
  why: string;
}

const PREACT =
  'Preact’s dangerouslySetInnerHTML branch, bundled with Preact; Kuuki never passes dangerouslySetInnerHTML (checked below)';
const NOT_FIREFOX =
  'the Chrome zip is not a Firefox package (the Firefox zip carries the gecko id, data_collection_permissions and background.scripts); adding them here makes Chrome warn about unknown keys';

/** Findings that are understood and accepted, per zip. Everything else fails. */
const ACCEPTED: Record<'chrome' | 'firefox', Accepted[]> = {
  firefox: [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(content-scripts\/content|chunks\/popup-[\w-]+)\.js$/, why: PREACT }],
  chrome: [
    { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(content-scripts\/content|chunks\/popup-[\w-]+)\.js$/, why: PREACT },
    { code: 'ADDON_ID_REQUIRED', file: /^manifest\.json$/, why: NOT_FIREFOX },
    { code: 'BACKGROUND_SERVICE_WORKER_NOFALLBACK', file: /^manifest\.json$/, why: NOT_FIREFOX },
    { code: 'MISSING_DATA_COLLECTION_PERMISSIONS', file: /^manifest\.json$/, why: NOT_FIREFOX },
  ],
};

/** The Preact finding is acceptable only while no Kuuki source sets raw HTML. */
function rawHtmlInSources(): string[] {
  const hits: string[] = [];
  for (const dir of ['src', 'entrypoints'])
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
      if (/\.tsx?$/.test(file) && /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(join(dir, file), 'utf8')))
        hits.push(join(dir, file));
  return hits;
}

function lint(zip: string): Report {
  const bin = resolve('node_modules/.bin/web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', zip, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  try {
    return JSON.parse(json) as Report;
  } catch {
    throw new Error(`web-ext lint gave no report for ${zip} (exit ${run.status}):\n${run.stderr || run.stdout}`);
  }
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const rawHtml = rawHtmlInSources();
const summaries: string[] = [];
let failed = false;

for (const target of ['firefox', 'chrome'] as const) {
  const zip = resolve('.output', `${pkg.name}-${pkg.version}-${target}.zip`);
  if (!existsSync(zip)) {
    console.error(`No ${zip}: run "npm run zip" first (npm run lint:ext does).`);
    process.exit(2);
  }
  const report = lint(zip);
  const { errors, warnings, notices } = report.summary;
  const line = `${target} zip (${(statSync(zip).size / 1024).toFixed(0)} kB): ${errors} errors, ${warnings} warnings, ${notices} notices`;
  console.log(`\n${line} — ${zip}`);
  let notApplicable = 0;
  for (const f of [...report.errors, ...report.warnings, ...report.notices]) {
    const accepted = ACCEPTED[target].find((a) => a.code === f.code && (!a.file || a.file.test(f.file ?? '')));
    const ok = accepted && !(accepted.why === PREACT && rawHtml.length);
    if (!ok && f._type !== 'notice') failed = true;
    if (ok && f._type === 'error') notApplicable++;
    const label = !ok ? (f._type === 'notice' ? 'notice  ' : 'FAIL    ') : f._type === 'error' ? 'n/a     ' : 'accepted';
    console.log(`  ${label} ${f._type} ${f.code} ${f.file ?? ''}: ${f.message}`);
    if (ok) console.log(`           because ${accepted.why}`);
  }
  summaries.push(notApplicable ? `${line} (the ${notApplicable} errors are Firefox packaging rules, n/a to a Chrome package)` : line);
}
if (rawHtml.length) console.error(`\nRaw HTML is set in ${rawHtml.join(', ')}, so Preact’s innerHTML finding is no longer only Preact’s.`);
console.log(`\n${summaries.join('\n')}`);
console.log(failed ? 'web-ext lint: FAILED (see FAIL lines).' : 'web-ext lint: passed; every other finding is explained above.');
process.exit(failed ? 1 : 0);
