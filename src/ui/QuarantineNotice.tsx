import type { MessageKey } from '../i18n/messages';
import type { QuarantinedValue } from '../settings/quarantine';
import { type QuarantineKind, canRestore, discardQuarantine, quarantineKind, restoreQuarantined } from '../settings/restore';
import { CopyButton } from './CopyButton';
import { plural } from './format';
import { Trans, useI18n } from './i18n';
import { useAnnounce } from './status';

const MAX_SHOWN = 2000;

const KIND_KEYS: Record<QuarantineKind, MessageKey> = {
  rewrite: 'quarantineKindRewrite',
  setting: 'quarantineKindSetting',
  site: 'quarantineKindSite',
  neverFlag: 'quarantineKindNeverFlag',
  other: 'quarantineKindOther',
};

/** Stored data of any kind that failed validation: kept aside, shown here, restored or discarded by the user. */
export function QuarantineNotice(props: { items: QuarantinedValue[] }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  if (!props.items.length) return null;
  const act = async (run: () => Promise<unknown>, done: MessageKey) => {
    try {
      await run();
      announce({ text: <Trans k={done} /> });
    } catch (e) {
      announce({ text: <Trans k="mineSyncError" values={{ detail: (e as Error)?.message ?? String(e) }} />, tone: 'warning' });
    }
  };
  return (
    <div class="notice warning quarantine-notice">
      <p>{plural(t, props.items.length, 'mineQuarantineOne', 'mineQuarantine')}</p>
      <details>
        <summary>{t('mineQuarantineShow')}</summary>
        <p class="help">{t('quarantineHelp')}</p>
        <ul class="quarantine">
          {props.items.map((q) => {
            const raw = typeof q.value === 'string' ? q.value : (JSON.stringify(q.value, null, 1) ?? String(q.value));
            const restorable = canRestore(q);
            const label = `quarantine-${q.id}-label`;
            return (
              <li key={q.id}>
                <p id={label} class="quarantine-kind">
                  <strong>{t(KIND_KEYS[quarantineKind(q)])}</strong>{' '}
                  <code translate={false}>{q.record ? `${q.key} · ${q.record}` : q.key}</code>
                </p>
                {/* The validator's own words: technical detail, in English. */}
                <ul class="problems" lang="en">
                  {q.problems.map((p, j) => (
                    <li key={j}>{p}</li>
                  ))}
                </ul>
                <pre id={`quarantine-${q.id}`} translate={false}>
                  {raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw}
                </pre>
                {!restorable && <p class="help">{t('quarantineCantRestore')}</p>}
                <div class="item-actions">
                  <CopyButton text={raw} describedBy={`quarantine-${q.id}`} />
                  {restorable && (
                    <button type="button" aria-describedby={label} onClick={() => void act(() => restoreQuarantined(q), 'quarantineRestored')}>
                      {t('quarantineRestore')}
                    </button>
                  )}
                  <button type="button" aria-describedby={label} onClick={() => void act(() => discardQuarantine(q), 'quarantineDiscarded')}>
                    {t('quarantineDiscard')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
