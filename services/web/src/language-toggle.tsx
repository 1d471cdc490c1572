import { useEffect } from 'react';
import { setLanguage, useLanguage } from './i18n.ts';

/** Vietnamese first; the other language one press away, kept for the next visit. */
export function LanguageToggle() {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language === 'vi' ? (
    <button type="button" lang="en" onClick={() => setLanguage('en')}>
      English
    </button>
  ) : (
    <button type="button" lang="vi" onClick={() => setLanguage('vi')}>
      Tiếng Việt
    </button>
  );
}
