import { useTranslation } from 'react-i18next';
import { languages as appLanguages } from '../i18n/index.js';
import { SelectField } from '../components/form.js';
import { languageName } from './language-name.js';

export interface DialogueLanguages {
  /** The dialogue's languages, the main one (that of statements naming none) first. */
  languages: string[];
  translationHold: boolean;
}

/**
 * The languages a dialogue is held in and the translation hold, for the new-dialogue form and the
 * dialogue's settings: ticked among the app's languages, the main one picked among those ticked.
 */
export function DialogueLanguageFields({
  value,
  onChange,
}: {
  value: DialogueLanguages;
  onChange: (next: DialogueLanguages) => void;
}) {
  const { t } = useTranslation();
  const chosen = value.languages;
  // Any language the dialogue already has stays offered, even one the app itself is not translated into.
  const offered = [...new Set([...appLanguages.map((language) => language.code), ...chosen])];

  function toggle(code: string, on: boolean) {
    const next = on ? [...chosen, code] : chosen.filter((entry) => entry !== code);
    onChange({ languages: next, translationHold: next.length > 1 && value.translationHold });
  }

  function setMain(code: string) {
    onChange({ ...value, languages: [code, ...chosen.filter((entry) => entry !== code)] });
  }

  return (
    <fieldset className="dialogue-languages">
      <legend>{t('translate.languages')}</legend>
      <p className="hint">{t('translate.languagesHint')}</p>
      {offered.map((code) => (
        <label key={code} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(code)}
            onChange={(event) => toggle(code, event.target.checked)}
          />{' '}
          <span lang={code}>{languageName(code)}</span>
        </label>
      ))}
      {chosen.length > 1 && (
        <>
          <SelectField
            label={t('translate.mainLanguage')}
            hint={t('translate.mainLanguageHint')}
            value={chosen[0]}
            onChange={setMain}
            options={chosen.map((code) => ({ value: code, label: languageName(code) }))}
          />
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={value.translationHold}
                onChange={(event) => onChange({ ...value, translationHold: event.target.checked })}
              />{' '}
              {t('translate.hold')}
            </label>
            <p className="hint">{t('translate.holdHint')}</p>
          </div>
        </>
      )}
    </fieldset>
  );
}
