import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../src/cli/decode';
import { run } from '../../src/cli/main';
import { analyze } from '../../src/engine';
import { applyRewrite } from '../../src/engine/apply';

const files: Record<string, string> = {
  'draft.txt': "Hi Ken,\r\nThanks for the update. This method doesn't work.\nBest,\n",
  'clean.txt': 'Thanks for the update. It works well.\n',
  'ja.txt': '承知しました。\nそれはできません。\n',
};
const read = (file: string) => {
  const text = files[file];
  if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return text;
};

// The first analysis compiles the whole phrasebook: seconds on a busy machine, not per test.
beforeAll(() => void analyze('warm-up'), 60_000);

describe('kuuki check', () => {
  it('prints file:line:col  phrase  →  the sentence after one click, and exits 1 when something is flagged', () => {
    // The phrase and its rewrite are the phrasebook's; the CLI must print them in this shape.
    const [f] = analyze(files['draft.txt']!);
    const grown = f!.rewrites[0]!.length - (f!.end - f!.start);
    const sentence = applyRewrite(files['draft.txt']!, f!).slice(f!.sentence.start, f!.sentence.end + grown);
    expect(sentence).not.toContain("doesn't work");
    const r = run(['check', 'draft.txt'], read);
    expect(r).toEqual({ stdout: `draft.txt:2:${f!.start - 8}  ${f!.text}  →  ${sentence}\n`, stderr: '', code: 1 });
  });

  it('exits 0 and prints nothing on clean text', () => {
    expect(run(['check', 'clean.txt'], read)).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('prints all findings as JSON with positions', () => {
    const r = run(['check', 'draft.txt', '--format', 'json'], read);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe('draft.txt');
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ line: 2, entryId: 'en-this-doesnt-work' });
    const { start, end, text, column, sentences, rewrites } = out.findings[0];
    expect(files['draft.txt']!.slice(start, end)).toBe(text);
    expect(column).toBe(start - 8);
    expect(sentences).toHaveLength(rewrites.length);
    expect(sentences[0]).not.toContain("doesn't work");
    expect(sentences[0]).toMatch(/[.?]$/);
  });

  it('analyses every line on its own in jsonl, offsets relative to the line', () => {
    const r = run(['check', 'ja.txt', '--format', 'jsonl'], read);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2]);
    expect(lines[0].findings).toEqual([]);
    const [expected] = analyze('それはできません。');
    expect(lines[1].findings[0]).toMatchObject({ start: expected!.start, end: expected!.end, text: expected!.text, entryId: 'ja-dekimasen' });
    expect(Object.keys(lines[1].findings[0])).toEqual(expect.arrayContaining(['rewrites']));
    expect(r.code).toBe(1);
  });

  it('checks only the language asked for', () => {
    expect(run(['check', 'ja.txt', '--lang', 'en'], read).code).toBe(0);
  });

  it('writes to the reader asked for (--to), a manager by default', () => {
    const text = '資料を修正してください。\n';
    const input = () => text;
    const after = (register: 'teammate' | 'manager') => applyRewrite(text, analyze(text, { register })[0]!).trim();
    expect(after('teammate')).not.toBe(after('manager'));
    expect(run(['check', 'x.txt', '--to', 'teammate'], input).stdout).toContain(after('teammate'));
    expect(run(['check', 'x.txt'], input).stdout).toContain(after('manager'));
    expect(run(['check', 'x.txt', '--to', 'manager'], () => '了解です。\n').code).toBe(1);
    expect(run(['check', 'x.txt', '--to', 'teammate'], () => '了解です。\n').code).toBe(0);
  });

  it.each([
    [['check', 'missing.txt'], /cannot read missing.txt: no such file/],
    [['check', 'draft.txt', '--format', 'xml'], /--format must be one of text, json, jsonl/],
    [['check', '--lang', 'fr'], /--lang must be one of en, ja, auto/],
    [['check', '--to', 'boss'], /--to must be one of teammate, manager, client/],
    [['lint'], /unknown command "lint"/],
    [[], /missing command/],
    [['check', '--colour'], /Unknown option/],
  ])('exits 2 with a clear message on %j', (argv, message) => {
    const r = run(argv, read);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('kuuki list', () => {
  it('prints every phrasebook entry as JSON', () => {
    const entries = JSON.parse(run(['list', '--format', 'json'], read).stdout);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toHaveProperty('rewrites');
  });
});

describe('file encodings', () => {
  const utf16 = (text: string, le = true) => {
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };

  it('reads UTF-16 with a byte-order mark and UTF-8 with or without one', () => {
    const text = 'それはできません。';
    expect(decodeText(utf16(text))).toBe(text);
    expect(decodeText(utf16(text, false))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it('refuses text it would misread, rather than calling it clean', () => {
    expect(() => decodeText(utf16('This method does not work.').subarray(2))).toThrow(/UTF-16 without a byte-order mark/);
    expect(() => decodeText(Buffer.from([0x93, 0x96, 0x82]))).toThrow(/not UTF-8/);
  });
});

describe('the installed command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kuuki-cli-'));
  const utf16File = join(dir, 'draft-utf16.txt');
  writeFileSync(utf16File, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('それはできません。\n', 'utf16le')]));
  const big = join(dir, 'big.txt');
  writeFileSync(big, "This method doesn't work.\n".repeat(3000));

  it('flags a UTF-16 file like its UTF-8 twin', () => {
    const r = spawnSync('node', ['bin/kuuki.mjs', 'check', utf16File], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('できません');
  }, 30_000);

  it('exits 2 with a message when the output cannot be written, and quietly when the reader stops early', () => {
    const full = spawnSync('sh', ['-c', `node bin/kuuki.mjs check ${big} > /dev/full`], { encoding: 'utf8' });
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/cannot write the output/);
    const early = spawnSync('bash', ['-c', `node bin/kuuki.mjs check ${big} | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(early.stdout.trim()).toBe('1');
    expect(early.stderr).toBe('');
  }, 30_000);

  it('reads stdin and sets the exit status', () => {
    const r = spawnSync('node', ['bin/kuuki.mjs', 'check', '-', '--format', 'jsonl'], {
      input: 'fine\nThis method doesn’t work.\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(execFileSync('node', ['bin/kuuki.mjs', '--help'], { encoding: 'utf8' })).toMatch(/Usage:/);
  }, 30_000); // two Node processes compiling TypeScript on a busy machine
});
