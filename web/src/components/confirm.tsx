import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

/** What a confirmation asks: `confirm` is the words of the button that goes ahead. */
export interface ConfirmRequest {
  title: string;
  body?: string;
  confirm: string;
  /** A delete or another step that cannot be undone: the button says so by its colour. */
  danger?: boolean;
}

type Ask = (request: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Ask | null>(null);

/**
 * Asks before a delete or another irreversible step, in a modal `<dialog>`: the browser keeps focus
 * inside it, Escape and Cancel answer no, and focus returns to where it was. One provider for the app.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ request: ConfirmRequest; answer: (yes: boolean) => void } | null>(
    null,
  );
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  const ask = useCallback<Ask>(
    (request) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.answer(false);
          return { request, answer: resolve };
        });
      }),
    [],
  );

  useEffect(() => {
    const node = dialog.current;
    if (pending && node && !node.open) node.showModal();
  }, [pending]);

  function close(yes: boolean) {
    pending?.answer(yes);
    setPending(null);
    if (dialog.current?.open) dialog.current.close();
  }

  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {pending && (
        <dialog
          ref={dialog}
          className="confirm-dialog"
          aria-labelledby={titleId}
          aria-describedby={pending.request.body ? bodyId : undefined}
          onCancel={(event) => {
            event.preventDefault();
            close(false);
          }}
        >
          <h2 id={titleId}>{pending.request.title}</h2>
          {pending.request.body && <p id={bodyId}>{pending.request.body}</p>}
          <div className="confirm-actions">
            <button type="button" autoFocus onClick={() => close(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={pending.request.danger ? 'danger' : 'primary'}
              onClick={() => close(true)}
            >
              {pending.request.confirm}
            </button>
          </div>
        </dialog>
      )}
    </ConfirmContext.Provider>
  );
}

/** `const confirm = useConfirm(); if (await confirm({ title, confirm: t('common.delete'), danger: true })) …` */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error('useConfirm needs the ConfirmProvider around the app');
  return ask;
}
