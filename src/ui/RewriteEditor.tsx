import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../phrasebook/schema';
import { type CustomRewrite, type SaveReport, newRewriteId, putCustomRewrite } from '../settings/custom-rewrites';
import type { PhraseIndex } from '../settings/duplicates';
import { FormField, describedBy } from './FormField';
import { ProblemText } from './ProblemText';
import { useI18n } from './i18n';
import {
  FORM_FIELDS,
  type FormErrors,
  type RewriteFormInput,
  emptyForm,
  formFromRewrite,
  validateRewriteForm,
} from './rewrite-form';

/** Add or edit one rewrite; problems appear next to the field at fault. */
export function RewriteEditor(props: {
  rewrite?: CustomRewrite;
  defaultLang: Lang;
  index: PhraseIndex;
  count: number;
  onSaved(report: SaveReport): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<RewriteFormInput>(() =>
    props.rewrite ? formFromRewrite(props.rewrite) : emptyForm(props.defaultLang),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const validate = (f: RewriteFormInput) =>
    validateRewriteForm(f, { index: props.index, editingId: props.rewrite?.id, count: props.count });

  const set = (field: keyof RewriteFormInput, value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    if (tried) {
      const result = validate(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      const first = FORM_FIELDS.find((f) => result.errors[f]?.length);
      // Let the errors render, then take the user to the first field at fault.
      setTimeout(() => root.current?.querySelector<HTMLElement>(first ? `#rw-${first}` : '.form-error')?.focus());
      return;
    }
    setSaving(true);
    try {
      const id = props.rewrite?.id ?? newRewriteId();
      props.onSaved(await putCustomRewrite({ ...result.draft, id, updatedAt: Date.now() }));
    } finally {
      setSaving(false);
    }
  };

  const control = (field: 'patterns' | 'rewrites' | 'equivalent' | 'note', help: boolean) => ({
    id: `rw-${field}`,
    value: form[field],
    'aria-invalid': errors[field]?.length ? ('true' as const) : undefined,
    'aria-describedby': describedBy(`rw-${field}`, help, errors[field]),
    onInput: (e: Event) => set(field, (e.currentTarget as HTMLInputElement).value),
  });

  const hasErrors = Object.values(errors).some((list) => list?.length);
  return (
    <form
      class="view editor"
      ref={root}
      onSubmit={submit}
      noValidate
      aria-labelledby="rw-title"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="rw-title" tabIndex={-1} ref={heading}>
        {props.rewrite ? t('formEditTitle') : t('formAddTitle')}
      </h2>
      {hasErrors && (
        <div class="form-error" tabIndex={-1} role="alert">
          <p>{t('formHasErrors')}</p>
          {errors.form?.map((p, i) => (
            <p key={i}>
              <ProblemText problem={p} />
            </p>
          ))}
        </div>
      )}
      <fieldset class="form-field radios">
        <legend class="field-label">{t('formLang')}</legend>
        {(['en', 'ja'] as const).map((lang) => (
          <label key={lang}>
            <input
              type="radio"
              name="rw-lang"
              value={lang}
              checked={form.lang === lang}
              onChange={() => set('lang', lang)}
            />
            {lang === 'en' ? t('langEn') : t('langJa')}
          </label>
        ))}
      </fieldset>
      <FormField id="rw-patterns" label={t('formPatterns')} help={t('formPatternsHelp')} problems={errors.patterns}>
        <textarea rows={3} lang={form.lang} spellcheck={false} {...control('patterns', true)} />
      </FormField>
      <FormField id="rw-rewrites" label={t('formRewrites')} help={t('formRewritesHelp')} problems={errors.rewrites}>
        <textarea rows={3} lang={form.lang} {...control('rewrites', true)} />
      </FormField>
      <FormField id="rw-equivalent" label={t('formEquivalent')} problems={errors.equivalent}>
        <input type="text" lang={form.lang === 'en' ? 'ja' : 'en'} {...control('equivalent', false)} />
      </FormField>
      <FormField id="rw-note" label={t('formNote')} help={t('formNoteHelp')} problems={errors.note}>
        <input type="text" {...control('note', true)} />
      </FormField>
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('formSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('formCancel')}
        </button>
      </div>
    </form>
  );
}
