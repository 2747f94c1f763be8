import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { actorLabel } from '../api/names.js';
import { itemsOf, type Actor } from '../api/records.js';

type PickedActor = Actor & Record<string, unknown>;

const SHOWN = 12;

/**
 * A type-ahead combobox (the ARIA combobox pattern) for the actors of a conflict: it searches their
 * pseudonyms on the server and, for those allowed to see names (`searchNames`), their names in the vault;
 * chosen actors become chips, removed with a tap. No Ctrl or Cmd, so it works on a phone, and every step
 * works from the keyboard: arrows move, Enter chooses, Escape closes, Backspace on an empty field removes
 * the last chip. `multiple` false keeps one actor.
 */
export function ActorPicker({
  conflictId,
  label,
  hint,
  error,
  value,
  onChange,
  multiple = true,
  searchNames = false,
  accept = () => true,
}: {
  conflictId: string;
  label: string;
  hint?: string;
  error?: string;
  value: PickedActor[];
  onChange: (actors: PickedActor[]) => void;
  multiple?: boolean;
  searchNames?: boolean;
  /** Which actors may be chosen here (e.g. Track-I recipients only). */
  accept?: (actor: PickedActor) => boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<PickedActor[]>([]);
  const [active, setActive] = useState(0);
  const [searching, setSearching] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const query = text.trim().slice(0, 50);
    const base = { id: conflictId };
    setSearching(true);
    const asks = [
      api.get('/api/conflicts/{id}/actors', {
        params: { path: base, query: { limit: 50, ...(query ? { q: query } : {}) } },
        signal: controller.signal,
      }),
    ];
    if (searchNames && query)
      asks.push(
        api.get('/api/conflicts/{id}/actors', {
          params: { path: base, query: { limit: 50, name: query } },
          signal: controller.signal,
        }),
      );
    Promise.all(asks)
      .then((answers) => {
        const seen = new Map<string, PickedActor>();
        for (const answer of answers)
          for (const actor of itemsOf<PickedActor>(answer))
            if (acceptRef.current(actor)) seen.set(actor.id, actor);
        setFound([...seen.values()]);
        setActive(0);
        setSearching(false);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) {
          setFound([]);
          setSearching(false);
          console.warn(failure);
        }
      });
    return () => controller.abort();
  }, [open, text, conflictId, searchNames]);

  const chosen = new Set(value.map((actor) => actor.id));
  const options = found.filter((actor) => !chosen.has(actor.id)).slice(0, SHOWN);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  function choose(actor: PickedActor) {
    onChange(multiple ? [...value, actor] : [actor]);
    setText('');
    setOpen(multiple);
    input.current?.focus();
  }

  function remove(actor: PickedActor) {
    onChange(value.filter((other) => other.id !== actor.id));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      if (open && options[active]) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      remove(value[value.length - 1]);
    }
  }

  const showList = open && (options.length > 0 || !searching);
  return (
    <div className={`field actor-picker${error ? ' has-error' : ''}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {value.length > 0 && (
        <ul className="chips" aria-label={t('picker.chosen')}>
          {value.map((actor) => (
            <li key={actor.id} className="chip">
              <span>{actorLabel(actor)}</span>
              <button
                type="button"
                aria-label={t('picker.remove', { actor: actorLabel(actor) })}
                onClick={() => remove(actor)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || value.length === 0) && (
        <div className="picker-box">
          <input
            ref={input}
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && options[active] ? optionId(active) : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={hint ? `${id}-hint` : undefined}
            placeholder={t(searchNames ? 'picker.placeholderNames' : 'picker.placeholder')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" className="picker-list" hidden={!showList} aria-label={label}>
            {options.map((actor, index) => (
              <li
                key={actor.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(actor)}
              >
                {actorLabel(actor)}{' '}
                <span className="hint">
                  {t(`actors.roles.${actor.role}`, { defaultValue: actor.role })} ·{' '}
                  {t('picker.track', { track: actor.track })}
                </span>
              </li>
            ))}
            {options.length === 0 && !searching && <li className="picker-none">{t('picker.none')}</li>}
          </ul>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
