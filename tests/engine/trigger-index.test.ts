import { describe, expect, it } from 'vitest';
import { TriggerIndex } from '../../src/engine/trigger-index';

describe('TriggerIndex', () => {
  const items = [
    { name: 'always', triggers: null },
    { name: 'wrong', triggers: ['wrong', 'incorrect'] },
    { name: 'never', triggers: ['never'] },
    { name: 'also-wrong', triggers: ['wrong'] },
  ];
  const index = new TriggerIndex(items, (i) => i.triggers);
  const names = (words: string[]) => index.candidates(words).map((i) => i.name);

  it('offers the items a word triggers, and those without triggers, in their given order', () => {
    expect(names(['that', 'is', 'wrong'])).toEqual(['always', 'wrong', 'also-wrong']);
    expect(names(['never', 'incorrect'])).toEqual(['always', 'wrong', 'never']);
    expect(names([])).toEqual(['always']);
  });

  it('treats words that name object properties as plain words', () => {
    expect(names(['constructor', '__proto__', 'toString'])).toEqual(['always']);
  });
});
