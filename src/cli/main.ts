import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../engine';
import { sentenceAfter } from '../engine/apply';
import type { Finding } from '../engine/types';
import { shownEntries } from '../phrasebook/shown';
import { DEFAULT_REGISTER, type Lang, REGISTERS, type Register } from '../phrasebook/schema';
import { NotTextError, decodeText } from './decode';
import { lineStarts, position } from './position';

export const USAGE = `Usage:
  kuuki check [FILE|-]... [--format text|json|jsonl] [--lang en|ja|auto] [--to teammate|manager|client]
  kuuki list [--format text|json]

check   flags blunt phrasing and prints each sentence with it softened (stdin when no FILE or "-");
        --to says who it is written to (default: manager)
list    prints every phrasebook entry

Exit status: 0 clean, 1 something was flagged, 2 usage error or unreadable file.`;

/** What a run prints and how it exits; main() is the only part that touches the process. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: 0 | 1 | 2;
}

class UsageError extends Error {}

const FORMATS = { check: ['text', 'json', 'jsonl'], list: ['text', 'json'] } as const;
const LANG_CHOICES: Record<string, readonly Lang[]> = { en: ['en'], ja: ['ja'], auto: ['en', 'ja'] };

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        lang: { type: 'string', short: 'l', default: 'auto' },
        to: { type: 'string', short: 't', default: DEFAULT_REGISTER },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help) return { command: 'help' as const, format: 'text', langs: LANG_CHOICES.auto!, register: DEFAULT_REGISTER, files };
  if (command !== 'check' && command !== 'list')
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = parsed.values.format ?? 'text';
  if (!(FORMATS[command] as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS[command].join(', ')} for ${command}`);
  const langs = LANG_CHOICES[parsed.values.lang];
  if (!langs) throw new UsageError('--lang must be one of en, ja, auto');
  const register = parsed.values.to as Register;
  if (!REGISTERS.includes(register)) throw new UsageError(`--to must be one of ${REGISTERS.join(', ')}`);
  if (command === 'list' && files.length) throw new UsageError('list takes no files');
  return { command, format, langs, register, files: files.length ? files : ['-'] };
}

/** A finding as the CLI prints it: with each rewrite's sentence as it reads after the change. */
function outputFinding(source: string, f: Finding) {
  const { start, end, text, entryId, category, rewrites, adds, equivalent, why } = f;
  const sentences = rewrites.map((_, i) => sentenceAfterText(source, f, i));
  return { start, end, text, entryId, category, rewrites, sentences, adds, equivalent, why };
}

const sentenceAfterText = (source: string, f: Finding, choice: number) =>
  sentenceAfter(source, f, choice)
    .map((p) => p.text)
    .join('');

function checkText(name: string, text: string, format: string, langs: readonly Lang[], register: Register) {
  if (format === 'jsonl') {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    let flagged = false;
    const out = lines.map((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const findings = analyze(line, { langs, register });
      flagged ||= findings.length > 0;
      return `${JSON.stringify({ line: i + 1, findings: findings.map((f) => outputFinding(line, f)) })}\n`;
    });
    return { out: out.join(''), flagged };
  }
  const findings = analyze(text, { langs, register });
  const starts = lineStarts(text);
  if (format === 'json') {
    const rows = findings.map((f) => ({ ...position(starts, f.start), ...outputFinding(text, f) }));
    return { out: `${JSON.stringify({ file: name, findings: rows }, null, 2)}\n`, flagged: rows.length > 0 };
  }
  const out = findings.map((f) => {
    const { line, column } = position(starts, f.start);
    return `${name}:${line}:${column}  ${f.text}  →  ${sentenceAfterText(text, f, 0)}\n`;
  });
  return { out: out.join(''), flagged: findings.length > 0 };
}

function list(format: string): string {
  const entries = shownEntries();
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  return entries.map((e) => `${e.id}\t${e.category}\t${e.patterns[0]}  →  ${e.rewrites[0]}\n`).join('');
}

export function run(argv: string[], readInput: (file: string) => string): CliResult {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) return { stdout: '', stderr: `kuuki: ${e.message}\n\n${USAGE}\n`, code: 2 };
    throw e;
  }
  if (args.command === 'help') return { stdout: `${USAGE}\n`, stderr: '', code: 0 };
  if (args.command === 'list') return { stdout: list(args.format), stderr: '', code: 0 };
  let stdout = '';
  let flagged = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      const what = e instanceof NotTextError ? `${file} ${reason}` : `cannot read ${file}: ${reason}`;
      return { stdout, stderr: `kuuki: ${what}\n`, code: 2 };
    }
    const result = checkText(file === '-' ? '<stdin>' : file, text, args.format, args.langs, args.register);
    stdout += result.out;
    flagged ||= result.flagged;
  }
  return { stdout, stderr: '', code: flagged ? 1 : 0 };
}

export function main(): void {
  const read = (file: string) => decodeText(readFileSync(file === '-' ? 0 : file));
  const { stdout, stderr, code } = run(process.argv.slice(2), read);
  process.exitCode = code;
  process.stderr.write(stderr);
  // A reader that stops early (| head) closes the pipe: stop quietly, as Unix tools do. Any other
  // write error (a full disk) is not "flagged" (1): say so and exit 2.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(code);
    process.stderr.write(`kuuki: cannot write the output: ${e.message}\n`);
    process.exit(2);
  });
  process.stdout.write(stdout);
}
