import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, ja, resolveUiLanguage, translator } from '../../src/i18n/messages';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('has exactly the English keys in Japanese, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries({ ...en, ...ja })) expect(value.trim(), key).not.toBe('');
  });

  it('uses the same parameters in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(params(ja[key]), key).toEqual(params(en[key]));
  });

  it('really translates: Japanese strings are in Japanese', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === ja[k]);
    expect(same).toEqual(['appName']);
  });

  it('fills parameters', () => {
    expect(translator('ja')('resultCount', { count: 3 })).toBe('3 件');
    expect(resolveUiLanguage('auto', 'ja-JP')).toBe('ja');
    expect(resolveUiLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveUiLanguage('ja', 'en-GB')).toBe('ja');
  });

  it('keeps strings out of the popup components: only message keys and data render as text', () => {
    const dir = 'src/ui';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      // Text between tags that is not an expression: letters of any script.
      const literal = [...source.matchAll(/(?<![=-])>([^<>{}]*[\p{L}][^<>{}]*)</gu)]
        .map((m) => m[1]!.trim())
        .filter((s) => s && !/[;=(]/.test(s) && !/^[\s→←…·]+$/u.test(s));
      expect(literal, file).toEqual([]);
    }
  });
});
