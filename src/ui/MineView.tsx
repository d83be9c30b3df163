import { useMemo, useRef, useState } from 'preact/hooks';
import type { DisplayEntry } from '../phrasebook/display';
import type { Lang } from '../phrasebook/schema';
import {
  CUSTOM_LIMITS,
  type CustomRewrite,
  type CustomRewritesState,
  deleteCustomRewrite,
  putCustomRewrite,
} from '../settings/custom-rewrites';
import { PhraseIndex } from '../settings/duplicates';
import type { QuarantinedValue } from '../settings/quarantine';
import { otherLang, plural } from './format';
import { Trans, useI18n } from './i18n';
import { QuarantineNotice } from './QuarantineNotice';
import { reportMessage } from './report';
import { RewriteEditor } from './RewriteEditor';
import { readablePattern } from './search';
import { useAnnounce } from './status';
import { TransferPanel } from './TransferPanel';

/** The user's own rewrites: list, add, edit, delete (with undo), export and import. */
export function MineView(props: {
  state: CustomRewritesState;
  quarantined: QuarantinedValue[];
  defaultLang: Lang;
  /** The built-in entries, for telling a new rewrite that it repeats one (empty while they load). */
  builtin: readonly DisplayEntry[];
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [editing, setEditing] = useState<CustomRewrite | 'new' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const { rewrites, localOnly } = props.state;
  const index = useMemo(() => PhraseIndex.of(props.builtin, rewrites), [props.builtin, rewrites]);
  const local = new Set(localOnly);

  const close = () => {
    setEditing(null);
    setTimeout(() => addButton.current?.focus());
  };

  if (editing)
    return (
      <RewriteEditor
        rewrite={editing === 'new' ? undefined : editing}
        defaultLang={props.defaultLang}
        index={index}
        count={rewrites.length}
        onCancel={close}
        onSaved={(report) => {
          announce(reportMessage(report, <Trans k="mineSaved" />));
          close();
        }}
      />
    );

  const remove = async (r: CustomRewrite) => {
    await deleteCustomRewrite(r.id);
    announce({
      text: <Trans k="mineDeleted" values={{ phrase: r.patterns[0] }} />,
      action: {
        label: <Trans k="mineUndo" />,
        run: () => void putCustomRewrite(r).then((report) => announce(reportMessage(report, <Trans k="mineSaved" />))),
      },
    });
    addButton.current?.focus();
  };

  return (
    <div class="view mine">
      <p class="intro">{t('mineIntro')}</p>
      {props.state.newer && <p class="notice warning">{t('mineNewer')}</p>}
      {!props.state.newer && localOnly.length > 0 && (
        <p class="notice warning">{plural(t, localOnly.length, 'mineSyncFullOne', 'mineSyncFull')}</p>
      )}
      {props.state.unsettled > 0 && <p class="notice">{t('mineUnsettled')}</p>}
      {props.state.pending === 'rate' && <p class="notice">{t('syncRate')}</p>}
      {props.state.pending === 'arriving' && <p class="notice">{t('syncArriving')}</p>}
      <QuarantineNotice items={props.quarantined} />
      <div class="row">
        <button type="button" class="primary" ref={addButton} onClick={() => setEditing('new')}>
          {t('mineAdd')}
        </button>
        <span class="count">{t('mineCount', { count: rewrites.length, max: CUSTOM_LIMITS.count })}</span>
      </div>
      {rewrites.length ? (
        <ul class="mine-list" aria-label={t('mineListLabel')}>
          {rewrites.map((r) => (
            <li key={r.id} class="mine-item">
              <p id={`mine-${r.id}`} class="pair">
                <span class="blunt" lang={r.lang}>
                  {r.patterns.map((p) => readablePattern(p, 'phrase')).join(' · ')}
                </span>
                <span class="arrow" aria-hidden="true">
                  →
                </span>
                <span class="soft" lang={r.lang}>
                  {r.rewrites[0]}
                </span>
              </p>
              {r.equivalent && (
                <p class="equivalent" lang={otherLang(r.lang)}>
                  {r.equivalent}
                </p>
              )}
              <div class="item-actions">
                {local.has(r.id) && <span class="tag warning">{t('mineLocalOnly')}</span>}
                <button type="button" aria-describedby={`mine-${r.id}`} onClick={() => setEditing(r)}>
                  {t('mineEdit')}
                </button>
                <button type="button" aria-describedby={`mine-${r.id}`} onClick={() => void remove(r)}>
                  {t('mineDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('mineEmpty')}</p>
      )}
      <TransferPanel rewrites={rewrites} />
    </div>
  );
}
