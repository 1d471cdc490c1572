import { useEffect, useState, type SyntheticEvent } from 'react';
import { roleName, vietnameseCollator } from '../format.ts';
import { useT } from '../i18n.ts';
import { LanguageToggle } from '../language-toggle.tsx';
import { navigate } from '../router.ts';
import { setToken } from '../session.ts';

/** What the gateway's development sign-in lists: the board and each demo unit, with its roles. */
interface Identity {
  unitCode: string | null;
  name: string;
  clusters: { clusterCode: string; year: number; role: string }[];
}

type Listing =
  { state: 'loading' } | { state: 'absent' } | { state: 'ready'; identities: Identity[] };

async function signInAs(identity: Identity): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      identity.unitCode === null ? { central: true } : { unitCode: identity.unitCode },
    ),
  });
  if (!response.ok) throw new Error(`development sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Sign-in: in development, a list of the demo identities; always, a field for a token issued by
 * the organisation's identity provider.
 */
export function SignInPage() {
  const t = useT();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [pasted, setPasted] = useState('');
  /** in Vietnamese, the dictionary's key for its English */
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetch('/dev/identities').then(
      async (response) => {
        if (!response.ok) {
          setListing({ state: 'absent' });
          return;
        }
        const identities = (await response.json()) as Identity[];
        identities.sort(
          (a, b) =>
            Number(a.unitCode !== null) - Number(b.unitCode !== null) ||
            vietnameseCollator.compare(a.name, b.name),
        );
        setListing({ state: 'ready', identities });
      },
      () => setListing({ state: 'absent' }),
    );
  }, []);

  const enter = (token: string) => {
    setToken(token);
    navigate('/', true);
  };

  function signInWithPasted(event: SyntheticEvent) {
    event.preventDefault();
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    if (token.split('.').length !== 3) {
      setFailure('Mã đăng nhập không đúng dạng (ba phần cách nhau bởi dấu chấm).');
      return;
    }
    enter(token);
  }

  return (
    <div className="sign-in">
      <div className="sign-in-head">
        <h1>{t('Đăng nhập')}</h1>
        <LanguageToggle />
      </div>
      {listing.state === 'ready' && (
        <section className="card">
          <h2>{t('Chế độ phát triển: chọn một danh tính mẫu')}</h2>
          <ul className="identities">
            {listing.identities.map((identity) => (
              <li key={identity.unitCode ?? 'central'}>
                <button
                  type="button"
                  onClick={() =>
                    void signInAs(identity).then(enter, () =>
                      setFailure('Không đăng nhập được bằng danh tính mẫu.'),
                    )
                  }
                >
                  {identity.unitCode === null ? t(identity.name) : identity.name}
                </button>
                {identity.clusters.length > 0 && (
                  <span className="muted">
                    {' '}
                    {identity.clusters
                      .map((c) => `${t(roleName(c.role))} ${c.clusterCode} (${c.year})`)
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>{t('Đăng nhập bằng mã do hệ thống xác thực cấp')}</h2>
        <form onSubmit={signInWithPasted}>
          <label htmlFor="token">{t('Mã đăng nhập (token)')}</label>
          <textarea
            id="token"
            rows={4}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
          <button type="submit">{t('Đăng nhập')}</button>
        </form>
      </section>
      {failure !== null && (
        <p className="error-box" role="alert">
          {t(failure)}
        </p>
      )}
    </div>
  );
}
