import type { Problem } from '../settings/problems';
import { Trans } from './i18n';

/** A problem in the UI language, with any phrase it quotes kept as written. */
export function ProblemText(props: { problem: Problem }) {
  const { key, params, line } = props.problem;
  const message = <Trans k={key} values={params} />;
  return line ? <Trans k="formLine" values={{ line, problem: message }} /> : message;
}
