import type { ReactNode } from 'react';
import type { ApiError } from './client.ts';
import { sayIn, useLanguage, useT } from './i18n.ts';
import { followLink } from './router.ts';

export function Link({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <a href={to} onClick={followLink} className={className}>
      {children}
    </a>
  );
}

/** The API's refusal, its `messageVi` or in English its `message`; never a stack trace. */
export function ErrorBox({ error }: { error: ApiError }) {
  const t = useT();
  const language = useLanguage();
  const forbidden = error.code === 'FORBIDDEN';
  const message = sayIn(language, error);
  return (
    <div className="error-box" role="alert">
      <strong>{t(forbidden ? 'Không có quyền truy cập' : 'Không thực hiện được')}</strong>
      {forbidden && <p>{t('Trang này thuộc một cụm hoặc đơn vị mà bạn không được xem.')}</p>}
      <p className={forbidden ? 'muted' : undefined}>
        {forbidden ? t('Máy chủ trả lời: {message}', { message }) : message}
      </p>
    </div>
  );
}

/** `what` is named in Vietnamese, the dictionary's key for its English. */
export function Loading({ what = 'dữ liệu' }: { what?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('Đang tải {what}…', { what: t(what) })}
    </p>
  );
}
