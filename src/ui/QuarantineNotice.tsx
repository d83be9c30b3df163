import { dismissQuarantined, type QuarantinedValue } from '../settings/store';
import { CopyButton } from './CopyButton';
import { plural } from './format';
import { isCustomRewritesKey } from './hooks';
import { useI18n } from './i18n';

const MAX_SHOWN = 2000;

/** Stored rewrites that failed validation: kept aside, reported here, never silently dropped. */
export function QuarantineNotice(props: { items: QuarantinedValue[] }) {
  const { t } = useI18n();
  if (!props.items.length) return null;
  return (
    <div class="notice warning">
      <p>{plural(t, props.items.length, 'mineQuarantineOne', 'mineQuarantine')}</p>
      <details>
        <summary>{t('mineQuarantineShow')}</summary>
        <ul class="quarantine">
          {props.items.map((q, i) => {
            const raw = typeof q.value === 'string' ? q.value : JSON.stringify(q.value, null, 1);
            return (
              <li key={i}>
                {/* The validator's own words: technical detail, in English. */}
                <ul class="problems" lang="en">
                  {q.problems.map((p, j) => (
                    <li key={j}>{p}</li>
                  ))}
                </ul>
                <pre id={`quarantine-${i}`} translate={false}>
                  {raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw}
                </pre>
                <CopyButton text={raw} describedBy={`quarantine-${i}`} />
              </li>
            );
          })}
        </ul>
      </details>
      <button type="button" onClick={() => void dismissQuarantined((q) => !isCustomRewritesKey(q.key))}>
        {t('mineQuarantineDismiss')}
      </button>
    </div>
  );
}
