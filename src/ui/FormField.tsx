import type { ComponentChildren } from 'preact';
import type { Problem } from '../settings/problems';
import { ProblemText } from './ProblemText';

/** ids a control should point aria-describedby at: its help, then its errors. */
export function describedBy(id: string, help: boolean, problems: readonly Problem[] | undefined): string | undefined {
  const ids = [help ? `${id}-help` : '', problems?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled control with its help and, next to it, what is wrong with it. */
export function FormField(props: {
  id: string;
  label: string;
  help?: string;
  problems?: readonly Problem[];
  children: ComponentChildren;
}) {
  return (
    <div class={props.problems?.length ? 'form-field invalid' : 'form-field'}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.help && (
        <p id={`${props.id}-help`} class="help">
          {props.help}
        </p>
      )}
      {props.children}
      {!!props.problems?.length && (
        <ul id={`${props.id}-error`} class="field-error">
          {props.problems.map((p, i) => (
            <li key={i}>
              <ProblemText problem={p} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
