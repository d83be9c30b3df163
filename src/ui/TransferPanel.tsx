import { useState } from 'preact/hooks';
import { loadBuiltin } from './phrasebook';
import { type CustomRewrite, updateCustomRewrites } from '../settings/custom-rewrites';
import {
  type ImportDuplicate,
  type ImportProblem,
  type ImportResult,
  MAX_IMPORT_BYTES,
  exportFile,
  exportFileName,
  planImport,
} from '../settings/transfer';
import { downloadText } from './download';
import { plural, problemPlace } from './format';
import { Trans, useI18n } from './i18n';
import { ProblemText } from './ProblemText';
import { reportMessage } from './report';
import { useAnnounce } from './status';

interface Pending {
  text: string;
  size: number;
  result: ImportResult;
}

const DUPLICATE_KEYS = {
  custom: 'importDupCustom',
  builtin: 'importDupBuiltin',
  same: 'importDupSame',
  file: 'importDupFile',
} as const;

function DuplicateText(props: { duplicate: ImportDuplicate }) {
  const { phrase, known } = props.duplicate;
  return <Trans k={DUPLICATE_KEYS[known.source]} values={{ phrase, known: known.phrase }} />;
}

function ProblemList(props: { problems: readonly ImportProblem[] }) {
  const { t } = useI18n();
  return (
    <ul class="problems">
      {props.problems.map((p, i) => {
        const place = problemPlace(t, p);
        return (
          <li key={i}>
            {place && <strong>{place}: </strong>}
            <ProblemText problem={{ key: p.key, params: p.params }} />
          </li>
        );
      })}
    </ul>
  );
}

/** Export to a JSON file and import one back: all or nothing, duplicates shown and skipped. */
export function TransferPanel(props: { rewrites: CustomRewrite[] }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Pending | null>(null);

  const exportAll = () => {
    downloadText(exportFileName(), exportFile(props.rewrites));
    announce({ text: <Trans k="exportDone" values={{ count: props.rewrites.length }} /> });
  };

  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text = '';
    try {
      // An oversized file is refused by its size, without reading it.
      if (file.size <= MAX_IMPORT_BYTES) text = await file.text();
    } catch {
      setPending({ text: '', size: 0, result: { ok: false, problems: [{ key: 'importReadFailed' }] } });
      return;
    }
    const { entries } = await loadBuiltin();
    setPending({ text, size: file.size, result: planImport(text, file.size, props.rewrites, entries) });
  };

  const confirm = async () => {
    if (!pending) return;
    let again: ImportResult = pending.result;
    try {
      // Planned again against what is stored now, in the same step as the save.
      const { entries } = await loadBuiltin();
      const report = await updateCustomRewrites((current) => {
        again = planImport(pending.text, pending.size, current, entries);
        if (!again.ok) throw new Error('refused');
        return [...current, ...again.add];
      });
      const added = again.ok ? again.add.length : 0;
      setPending(null);
      announce(reportMessage(report, <Trans k="importDone" values={{ count: added }} />));
    } catch {
      setPending({ ...pending, result: again });
    }
  };

  const result = pending?.result;
  return (
    <section class="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('mineTransfer')}</h2>
      <div class="actions">
        <button type="button" onClick={exportAll} disabled={!props.rewrites.length}>
          {t('exportButton')}
        </button>
        <input id="import-file" class="file-input" type="file" accept=".json,application/json" onChange={choose} />
        <label for="import-file" class="button">
          {t('importButton')}
        </label>
      </div>
      {result && !result.ok && (
        <div class="notice error" role="alert">
          <p>{t('importRefused')}</p>
          <ProblemList problems={result.problems} />
          <button type="button" onClick={() => setPending(null)}>
            {t('mineQuarantineDismiss')}
          </button>
        </div>
      )}
      {result?.ok && (
        <div class="notice" role="region" aria-label={t('importButton')}>
          <p>{result.add.length ? plural(t, result.add.length, 'importPreviewOne', 'importPreview') : t('importNothingNew')}</p>
          {!!result.duplicates.length && (
            <>
              <p>{t('importDuplicates')}</p>
              <ul class="problems">
                {result.duplicates.map((d, i) => (
                  <li key={i}>
                    <DuplicateText duplicate={d} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="actions">
            {!!result.add.length && (
              <button type="button" class="primary" onClick={confirm}>
                {t('importConfirm')}
              </button>
            )}
            <button type="button" onClick={() => setPending(null)}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
