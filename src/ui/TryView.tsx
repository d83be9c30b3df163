import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Engine } from '../engine/engine';
import type { Finding } from '../engine/types';
import { type CustomRewrite, toEntry } from '../settings/custom-rewrites';
import type { NeverFlag, Settings } from '../settings/schema';
import { CopyButton } from './CopyButton';
import { CATEGORY_KEYS, LANG_KEYS, equivalentLabel, otherLang, plural } from './format';
import { Trans, useI18n } from './i18n';
import { previewParts, previewText } from '../engine/apply';
import { loadEngine, usableCustomEntries } from './try-engine';

const QUIET_MS = 150;

/** Paste or type a draft and see the findings live, from the same engine as the pages. */
export function TryView(props: { settings: Settings; custom: CustomRewrite[]; neverFlag: NeverFlag[] }) {
  const { t } = useI18n();
  const [engine, setEngine] = useState<Engine>();
  const [failure, setFailure] = useState<string>();
  const [customVersion, setCustomVersion] = useState(0);
  const [text, setText] = useState('');
  const [findings, setFindings] = useState<Finding[] | null>(null);
  // The text the findings are offsets into (typing goes on while they are computed).
  const [draft, setDraft] = useState('');

  useEffect(() => {
    loadEngine().then(setEngine, (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    if (!engine) return;
    // Rewrites saved again while these compile win: an older list must not come back after them.
    let current = true;
    void usableCustomEntries(props.custom.map(toEntry)).then((entries) => {
      if (!current) return;
      engine.setCustomEntries(entries);
      setCustomVersion((v) => v + 1);
    });
    return () => {
      current = false;
    };
  }, [engine, props.custom]);

  const ignored = useMemo(() => props.neverFlag.map((n) => n.phrase), [props.neverFlag]);
  useEffect(() => {
    if (!engine) return;
    if (!text.trim()) {
      setFindings(null);
      return;
    }
    const timer = setTimeout(() => {
      setDraft(text);
      setFindings(engine.analyze(text, { langs: props.settings.langs, ignoredPhrases: ignored }));
    }, QUIET_MS);
    return () => clearTimeout(timer);
  }, [engine, customVersion, text, props.settings.langs, ignored]);

  const langs = props.settings.langs.map((l) => t(LANG_KEYS[l])).join(' · ');
  return (
    <div class="view try">
      <label class="field-label" for="try-draft">
        {t('tryLabel')}
      </label>
      <textarea
        id="try-draft"
        rows={5}
        placeholder={t('tryPlaceholder')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        aria-describedby="try-langs"
      />
      <p id="try-langs" class="hint">
        {t('tryDisabledLangs', { langs })}
      </p>
      <p class="count" role="status">
        {failure ? (
          <Trans k="tryFailed" values={{ reason: failure }} />
        ) : !engine
          ? t('tryLoading')
          : findings === null
            ? t('tryEmpty')
            : findings.length
              ? plural(t, findings.length, 'tryFoundOne', 'tryFound')
              : t('tryNothing')}
      </p>
      {!!findings?.length && (
        <ul class="findings" aria-label={t('tryFindings')}>
          {findings.map((f, i) => (
            <li key={`${f.start}-${f.entryId}`} class="finding">
              <p class="finding-head">
                <span class="blunt" lang={f.lang}>
                  {f.text}
                </span>
                <span class="tag">{t(CATEGORY_KEYS[f.category])}</span>
              </p>
              <ul class="rewrites">
                {f.rewrites.map((r, j) => (
                  <li key={r}>
                    <span id={`try-${i}-${j}`} lang={f.lang}>
                      {f.adds[j] && <span class="adds">{t('cardAdds')} </span>}
                      {previewParts(draft, f, j).map((part) =>
                        part.changed ? <strong class="changed">{part.text}</strong> : part.text,
                      )}
                    </span>
                    <CopyButton text={previewText(draft, f, j)} describedBy={`try-${i}-${j}`} />
                  </li>
                ))}
              </ul>
              {props.settings.showEquivalents && f.equivalent && (
                <p class="equivalent-line">
                  <span class="label">{t(equivalentLabel(f.lang))}</span>
                  <span lang={otherLang(f.lang)}>{f.equivalent}</span>
                </p>
              )}
              {f.why && (
                <p class="why-line">
                  <span class="label">{f.custom ? t('detailNote') : t('detailWhy')}</span>
                  <span lang={f.lang}>{f.why}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
