import { type ComponentChild, type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CATALOGUES, type MessageKey, type UiLang, translator } from '../i18n/messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: UiLang;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

export function I18nProvider(props: { lang: UiLang; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ lang: props.lang, t: translator(props.lang) }}>{props.children}</I18nContext.Provider>;
}

/** The popup's strings in the chosen language; components never hard-code text. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Parameters that carry data (a phrase, a hostname, the browser's words), never translated. */
const VERBATIM = new Set(['phrase', 'known', 'char', 'reason', 'path', 'key', 'keys', 'values', 'detail', 'site', 'url']);

/**
 * A message with parameters as nodes: data parameters are marked translate={false}, so the text
 * around them is the only thing in the UI language.
 */
export function Trans(props: { k: MessageKey; values?: Record<string, ComponentChild> }) {
  const { lang } = useI18n();
  const parts = CATALOGUES[lang][props.k].split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const value = props.values?.[part];
        if (value === undefined) return `{${part}}`;
        return VERBATIM.has(part) && (typeof value === 'string' || typeof value === 'number') ? (
          <span key={i} class="verbatim" translate={false}>
            {value}
          </span>
        ) : (
          value
        );
      })}
    </>
  );
}

/** "1 entry" or "{count} entries", in the current language. */
export function Plural(props: { count: number; one: MessageKey; many: MessageKey }) {
  return props.count === 1 ? <Trans k={props.one} /> : <Trans k={props.many} values={{ count: props.count }} />;
}
