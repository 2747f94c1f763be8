import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { languageName } from './language-name.js';

/**
 * The language a participant reads a dialogue in: the app's language (its primary tag, `ar`, `he`),
 * said to the server (PUT /api/dialogues/:id/language) so it counts in participation by language and
 * so a statement they write is taken to be in it. Asked again whenever the reader switches language.
 */
export function useReaderLanguage(dialogueId: string): string {
  const language = useUiLanguage();
  useEffect(() => {
    // Only counted, never needed to read: the statements come in ?language= whatever this answers.
    api
      .put('/api/dialogues/{id}/language', { params: { path: { id: dialogueId } }, body: { language } })
      .catch(() => undefined);
  }, [dialogueId, language]);
  return language;
}

/** The app's language as a primary tag (`ar`, `he`, `fr`): what statements are asked for in. */
export function useUiLanguage(): string {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language ?? 'en').split('-')[0];
}

/** "Original in Hebrew: no translation yet" under a statement shown in another language than the reader's. */
export function OriginalMark({
  shown,
  reader,
}: {
  shown: { language: string | null; original: boolean };
  reader: string;
}) {
  const { t } = useTranslation();
  if (!shown.original || !shown.language || shown.language === reader) return null;
  return (
    <p className="muted original-mark">
      {t('dialogue.originalIn', { language: languageName(shown.language) })}
    </p>
  );
}
