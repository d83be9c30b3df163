import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Category, Lang } from '../phrasebook/schema';
import { EntryDetail } from './EntryDetail';
import { CATEGORY_KEYS, LANG_KEYS, otherLang, plural } from './format';
import { Trans, useI18n } from './i18n';
import { type BrowsableEntry, PhrasebookSearch, bluntOf, displayRewrite } from './search';
import { usedCategories } from './phrasebook';

const optionId = (i: number) => `pb-option-${i}`;

// A screenful of results at once, then the rest a slice at a time between tasks: rendering all
// 1,400 entries in one go held the main thread, and with it the search box, for a long task.
const FIRST_SLICE = 30;
const SLICE = 150;

/** How many of `results` to render now; grows by a slice per task until all are there. */
function useRenderedCount(results: readonly unknown[], atLeast: number): number {
  const [grown, setGrown] = useState({ results, count: FIRST_SLICE });
  const count = grown.results === results ? grown.count : FIRST_SLICE;
  useEffect(() => {
    if (count >= results.length) return;
    const next = setTimeout(() => setGrown({ results, count: count + SLICE }), 0);
    return () => clearTimeout(next);
  }, [results, count]);
  return Math.max(count, atLeast);
}

/**
 * Search and browse: type to search, ↑↓ to move, Enter to open, Esc to go back. `loading`: the
 * built-in entries are on their way (the search box is usable at once); `broken`: why they are not.
 */
export function PhrasebookView(props: { entries: BrowsableEntry[]; loading?: boolean; broken?: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [lang, setLang] = useState<Lang | 'all'>('all');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const search = useMemo(() => new PhrasebookSearch(props.entries), [props.entries]);
  const results = useMemo(() => search.search(query, { category, lang }), [search, query, category, lang]);
  const categories = useMemo(() => usedCategories(props.entries), [props.entries]);
  const rendered = useRenderedCount(results, active + 1);
  const open = openId ? props.entries.find((e) => e.id === openId) : undefined;
  const { broken } = props;

  // A new search starts at the first result. Reset in the same update as the change itself: an
  // effect would run later and could undo an arrow key pressed in between.
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setActive(0);
    };
  useEffect(() => {
    if (!open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  // Type anywhere in the list view to search.
  useEffect(() => {
    if (open) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target?.closest('input, textarea, select')) return;
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  if (open) return <EntryDetail entry={open} onBack={() => setOpenId(null)} />;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      const n = results.length;
      setActive((a) => (e.key === 'ArrowDown' ? Math.min(a + 1, n - 1) : Math.max(a - 1, 0)));
    } else if (e.key === 'Enter') {
      const entry = results[active];
      if (!entry) return;
      setOpenId(entry.id);
    } else if (e.key === 'Escape' && query) {
      refine(setQuery)('');
    } else {
      return;
    }
    e.preventDefault();
  };

  return (
    <div class="view phrasebook">
      {broken && (
        <p class="notice error" role="alert">
          <Trans k="tryFailed" values={{ reason: broken }} />
        </p>
      )}
      <label class="field-label" for="pb-search">
        {t('searchLabel')}
      </label>
      <input
        id="pb-search"
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="pb-results"
        aria-autocomplete="list"
        aria-activedescendant={results.length ? optionId(active) : undefined}
        aria-describedby="pb-hint"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => refine(setQuery)(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="filters">
        <div class="filter">
          <label for="pb-category">{t('filterCategory')}</label>
          <select id="pb-category" value={category} onChange={(e) => refine(setCategory)(e.currentTarget.value as Category | 'all')}>
            <option value="all">{t('filterAll')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(CATEGORY_KEYS[c])}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="pb-lang">{t('filterLang')}</label>
          <select id="pb-lang" value={lang} onChange={(e) => refine(setLang)(e.currentTarget.value as Lang | 'all')}>
            <option value="all">{t('filterAll')}</option>
            <option value="en">{t('langEn')}</option>
            <option value="ja">{t('langJa')}</option>
          </select>
        </div>
      </div>
      <p class="count" aria-live="polite">
        {props.loading ? t('tryLoading') : plural(t, results.length, 'resultCountOne', 'resultCount')}
      </p>
      {results.length || props.loading ? (
        <ul id="pb-results" ref={list} class="results" role="listbox" aria-label={t('resultsLabel')}>
          {results.slice(0, rendered).map((entry, i) => (
            <li
              key={entry.id}
              id={optionId(i)}
              data-entry={entry.id}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'result active' : 'result'}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => setOpenId(entry.id)}
            >
              <span class="pair">
                <span class="blunt" lang={entry.lang}>
                  {bluntOf(entry)}
                </span>
                <span class="arrow" aria-hidden="true">
                  →
                </span>
                <span class="soft" lang={entry.lang}>
                  {displayRewrite(entry.rewrites[0] ?? '')}
                </span>
              </span>
              {entry.equivalent && (
                <span class="equivalent" lang={otherLang(entry.lang)}>
                  {entry.equivalent}
                </span>
              )}
              <span class="tags">
                <span class="tag">{t(LANG_KEYS[entry.lang])}</span>
                <span class="tag">{t(CATEGORY_KEYS[entry.category])}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p id="pb-results" class="empty">
          {t('noResults')}
        </p>
      )}
      <p id="pb-hint" class="hint">
        {t('listHint')}
      </p>
    </div>
  );
}
