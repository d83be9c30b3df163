import { type ComponentChild, type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';

/** One polite message at the foot of the popup (saved, copied, undo…), read out by screen readers. */
export interface StatusMessage {
  text: ComponentChild;
  tone?: 'info' | 'warning';
  action?: { label: ComponentChild; run(): void };
}

type Announce = (message: StatusMessage | null) => void;
const StatusContext = createContext<Announce>(() => undefined);

export const useAnnounce = () => useContext(StatusContext);

export function StatusProvider(props: { children: ComponentChildren }) {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const announce = useCallback<Announce>((m) => {
    clearTimeout(timer.current);
    setMessage(m);
    // Warnings and offers to undo stay until replaced; the rest fade after a while.
    if (m && !m.action && m.tone !== 'warning') timer.current = setTimeout(() => setMessage(null), 6000);
  }, []);
  return (
    <StatusContext.Provider value={announce}>
      {props.children}
      <div class={`status${message?.tone === 'warning' ? ' warning' : ''}`} role="status">
        {message && <span class="status-text">{message.text}</span>}
        {message?.action && (
          <button
            type="button"
            class="link"
            onClick={() => {
              message.action!.run();
              announce(null);
            }}
          >
            {message.action.label}
          </button>
        )}
      </div>
    </StatusContext.Provider>
  );
}
