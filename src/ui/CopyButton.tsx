import { useState } from 'preact/hooks';
import { useI18n } from './i18n';

/** Copies `text`; the text it copies is named by `describedBy` (the element showing it). */
export function CopyButton(props: { text: string; describedBy: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(props.text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <button
      type="button"
      class="copy"
      aria-describedby={props.describedBy}
      onClick={copy}
      onBlur={() => setState('idle')}
    >
      {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copy')}
    </button>
  );
}
