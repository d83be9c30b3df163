import { useEffect, useRef } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import type { Register } from '../phrasebook/schema';
import { CATEGORY_KEYS, LANG_KEYS, REGISTER_KEYS, equivalentLabel, otherLang } from './format';
import { useI18n } from './i18n';
import { type BrowsableEntry, bluntOf, displayRewrite, readablePattern } from './search';

/** One entry: every rewrite (with copy), the other language's equivalent, the why, its examples. */
export function EntryDetail(props: { entry: BrowsableEntry; onBack(): void }) {
  const { t } = useI18n();
  const { entry } = props;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [entry.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      props.onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.onBack]);

  return (
    <article class="view detail" aria-labelledby="detail-title">
      <button type="button" class="back" onClick={props.onBack}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
      <p class="tags">
        <span class="tag">{t(LANG_KEYS[entry.lang])}</span>
        <span class="tag">{t(CATEGORY_KEYS[entry.category])}</span>
      </p>
      <h2 id="detail-title" class="blunt-title" tabIndex={-1} ref={heading}>
        <span class="visually-hidden">{t('detailBlunt')}: </span>
        <span lang={entry.lang}>{bluntOf(entry)}</span>
      </h2>

      {entry.registers && (
        <p class="help">{t('detailOnlyFor', { readers: entry.registers.map((r) => t(REGISTER_KEYS[r])).join(t('listSeparator')) })}</p>
      )}
      {/* The entry's own rewrites are for a manager; a reader with rewrites of their own gets a list of them. */}
      {[['', entry.rewrites] as const, ...(Object.entries(entry.byRegister ?? {}) as [Register, { rewrites: string[] }][]).map(([r, v]) => [r, v.rewrites] as const)].map(
        ([register, rewrites]) => (
          <section key={register}>
            <h3>
              {register
                ? t('detailRewritesFor', { register: t(REGISTER_KEYS[register]) })
                : entry.byRegister
                  ? t('detailRewritesFor', { register: t(REGISTER_KEYS.manager) })
                  : t('detailRewrites')}
            </h3>
            <ul class="rewrites">
              {rewrites.map((r) => (entry.custom ? r : displayRewrite(r))).map((rewrite, i) => (
                <li key={rewrite}>
                  <span id={`detail-rewrite-${register}${i}`} lang={entry.lang}>
                    {rewrite}
                  </span>
                  <CopyButton text={rewrite} describedBy={`detail-rewrite-${register}${i}`} />
                </li>
              ))}
            </ul>
          </section>
        ),
      )}

      {entry.equivalent && (
        <section>
          <h3>{t(equivalentLabel(entry.lang))}</h3>
          <ul class="rewrites">
            <li>
              <span id="detail-equivalent" lang={otherLang(entry.lang)}>
                {entry.equivalent}
              </span>
              <CopyButton text={entry.equivalent} describedBy="detail-equivalent" />
            </li>
          </ul>
        </section>
      )}

      {entry.why && (
        <section>
          <h3>{entry.custom ? t('detailNote') : t('detailWhy')}</h3>
          <p lang={entry.lang}>{entry.why}</p>
        </section>
      )}

      {/* Built-in patterns are matcher syntax; their examples show what they flag. */}
      {entry.custom && (
        <section>
          <h3>{t('detailPatterns')}</h3>
          <ul class="plain">
            {entry.patterns.map((p) => (
              <li key={p} lang={entry.lang}>
                {readablePattern(p, 'phrase')}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!!entry.examples?.length && (
        <section>
          <h3>{t('detailExamples')}</h3>
          <ul class="plain examples">
            {entry.examples.map((x) => (
              <li key={x.text} lang={entry.lang}>
                {x.text}
                {x.after && (
                  <span class="after">
                    <span class="visually-hidden">{t('detailAfter')}: </span>
                    {x.after}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
