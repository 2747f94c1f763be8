import { useTranslation } from 'react-i18next';
import { number } from '../i18n/format.js';
import { languageName } from './language-name.js';

/** A statement in the viewer's language, with the original beside it when what is shown is a translation. */
export function StatementWithOriginal({
  statement,
  reader,
}: {
  statement: {
    text: string;
    language: string | null;
    original: boolean;
    original_text: string;
    original_language: string | null;
  };
  reader: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span lang={statement.language ?? undefined} dir="auto">
        {statement.text}
      </span>
      {!statement.original ? (
        <small className="original-beside">
          {t('results.originalBeside', { language: languageName(statement.original_language) })}{' '}
          <bdi lang={statement.original_language ?? undefined}>{statement.original_text}</bdi>
        </small>
      ) : (
        statement.language &&
        statement.language !== reader && (
          <small className="original-beside">
            {t('dialogue.originalIn', { language: languageName(statement.language) })}
          </small>
        )
      )}
    </>
  );
}

export interface ByLanguage {
  languages: { language: string | null; participants: number; votes: number }[];
  common_ground: string[];
}

/** Participation by the language people read in, and the statements agreed on in every language. */
export function ResultsByLanguage({
  byLanguage,
  text,
}: {
  byLanguage: ByLanguage;
  text: Map<string, string>;
}) {
  const { t } = useTranslation();
  const name = (code: string | null) => (code ? languageName(code) : t('results.languageUnsaid'));
  return (
    <>
      <h2>{t('results.byLanguage')}</h2>
      {byLanguage.languages.length === 0 ? (
        <p>{t('results.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('results.language')}</th>
                <th scope="col">{t('results.participants')}</th>
                <th scope="col">{t('results.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {byLanguage.languages.map((row) => (
                <tr key={row.language ?? ''}>
                  <td>{name(row.language)}</td>
                  <td>{number(row.participants)}</td>
                  <td>{number(row.votes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('results.commonGroundByLanguage')}</h3>
      {byLanguage.common_ground.length === 0 ? (
        <p>{t('results.none')}</p>
      ) : (
        <ul>
          {byLanguage.common_ground.map((id) => (
            <li key={id}>
              <bdi>{text.get(id)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
