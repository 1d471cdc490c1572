import { useState } from 'react';
import { bothLanguages, sayIn, useLanguage, useT, type Bilingual } from './i18n.ts';
import { currentToken } from './session.ts';

/** The file name the gateway gives in Content-Disposition, else `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded !== undefined) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * A spreadsheet or document of the gateway's file routes. They need the bearer token, which a
 * plain link cannot send, so the file is fetched and saved from memory; a refusal shows the
 * gateway's reason in the language chosen.
 */
export function Download({
  path,
  params,
  label,
  fallbackName,
}: {
  /** e.g. /exports/ranking.xlsx */
  path: string;
  params?: Record<string, string>;
  label: string;
  fallbackName: string;
}) {
  const t = useT();
  const language = useLanguage();
  const [state, setState] = useState<{ busy: boolean; refusal: Bilingual | null }>({
    busy: false,
    refusal: null,
  });
  const query = new URLSearchParams(params).toString();
  const url = query === '' ? path : `${path}?${query}`;
  async function save() {
    setState({ busy: true, refusal: null });
    try {
      const token = currentToken();
      const response = await fetch(url, {
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: Partial<Bilingual>;
        } | null;
        const { message, messageVi } = body?.error ?? {};
        setState({
          busy: false,
          refusal:
            messageVi !== undefined
              ? { message: message ?? messageVi, messageVi }
              : bothLanguages('Máy chủ trả lời lỗi {status}', { status: response.status }),
        });
        return;
      }
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileNameOf(response, fallbackName);
      document.body.append(link);
      link.click();
      link.remove();
      // The click has handed the file to the browser; the memory can go once it has read it.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setState({ busy: false, refusal: null });
    } catch {
      setState({ busy: false, refusal: bothLanguages('Không kết nối được máy chủ') });
    }
  }
  return (
    <span className="download">
      <button type="button" disabled={state.busy} data-href={url} onClick={() => void save()}>
        {state.busy ? t('Đang tải…') : label}
      </button>
      {state.refusal !== null && (
        <span className="field-error" role="alert">
          {sayIn(language, state.refusal)}
        </span>
      )}
    </span>
  );
}
