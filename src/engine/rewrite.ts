/**
 * Fits a rewrite to the place it will be inserted: fills `{name}` with captured words, keeps a
 * sentence-initial capital (or lowers one mid-sentence) and keeps final punctuation only where the
 * replaced phrase ended its sentence.
 */
export interface Placement {
  /** The phrase starts its sentence. */
  atSentenceStart: boolean;
  /** The phrase runs to the end of its sentence (its final punctuation is replaced too). */
  atSentenceEnd: boolean;
  /** The replaced phrase's final punctuation, if it had any. */
  finalPunctuation: string;
  captures: Record<string, string>;
}

const FINAL_PUNCTUATION = /[.!?。！？]+$/u;
// Words that keep their capital anywhere in an English sentence.
const ALWAYS_CAPITAL = /^(I|I'm|I'd|I'll|I've)\b/;

export function fitRewrite(rewrite: string, at: Placement): string {
  let out = rewrite.replace(/\{([a-zA-Z][\w-]*)\}/g, (whole, name: string) => at.captures[name] ?? whole);
  if (at.atSentenceStart) {
    out = out.charAt(0).toLocaleUpperCase('en') + out.slice(1);
  } else if (!ALWAYS_CAPITAL.test(out) && /^\p{Lu}\p{Ll}/u.test(out)) {
    out = out.charAt(0).toLocaleLowerCase('en') + out.slice(1);
  }
  if (!at.atSentenceEnd) {
    out = out.replace(FINAL_PUNCTUATION, '');
  } else if (!FINAL_PUNCTUATION.test(out) && at.finalPunctuation) {
    out += at.finalPunctuation;
  }
  return out;
}
