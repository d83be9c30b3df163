import type { SaveReport } from '../settings/collection';
import { Plural, Trans } from './i18n';
import type { StatusMessage } from './status';

/**
 * What to tell the user after a save: done, or where the change is kept and why. Messages are
 * elements, so they follow a change of UI language while they are shown.
 */
export function reportMessage(report: SaveReport, done: StatusMessage['text']): StatusMessage {
  switch (report.reason) {
    case 'quota':
      return { text: <Plural count={report.localOnly.length} one="mineSyncFullOne" many="mineSyncFull" />, tone: 'warning' };
    case 'rate':
      return { text: <Trans k="syncRate" />, tone: 'warning' };
    case 'offline':
      return { text: <Trans k="syncOffline" />, tone: 'warning' };
    case 'arriving':
      return { text: <Trans k="syncArriving" />, tone: 'warning' };
    case 'sync-error':
      return { text: <Trans k="mineSyncError" values={{ detail: report.detail ?? '' }} />, tone: 'warning' };
    case 'newer':
      return { text: <Trans k="mineNewer" />, tone: 'warning' };
    default:
      return { text: done };
  }
}
