import { useEffect } from 'react';
import type { Me } from './api-types.ts';
import { roleName } from './format.ts';
import { useT } from './i18n.ts';
import { LanguageToggle } from './language-toggle.tsx';
import { AwardsPage } from './pages/awards.tsx';
import { CentralHome, UnitHome } from './pages/home.tsx';
import { HistoryPage } from './pages/history.tsx';
import { ManagePage } from './pages/manage.tsx';
import { MatrixPage } from './pages/matrix.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { RankingPage } from './pages/ranking.tsx';
import { ScorecardPage } from './pages/scorecard.tsx';
import { SetupPage } from './pages/setup.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { SubmitPage } from './pages/submit.tsx';
import { SummaryPage } from './pages/summary.tsx';
import { VersionsPage } from './pages/versions.tsx';
import { match, navigate, usePath } from './router.ts';
import { setToken, useToken } from './session.ts';
import { ErrorBox, Link, Loading } from './ui.tsx';
import { useQuery } from './use-query.ts';

function Page({ me, path }: { me: Me; path: string }) {
  const t = useT();
  const pathname = path.split('?')[0] ?? '/';
  if (pathname === '/') return me.central ? <CentralHome /> : <UnitHome me={me} />;
  let params = match('/ky/:cluster/:period/nop', pathname);
  if (params !== null) {
    return <SubmitPage me={me} cluster={params.cluster ?? ''} period={params.period ?? ''} />;
  }
  params = match('/ky/:cluster/:period/xep-hang', pathname);
  if (params !== null) {
    return <RankingPage me={me} cluster={params.cluster ?? ''} period={params.period ?? ''} />;
  }
  params = match('/ky/:cluster/:period/tong-quan', pathname);
  if (params !== null) {
    return <OverviewPage cluster={params.cluster ?? ''} period={params.period ?? ''} />;
  }
  params = match('/khen-thuong/:cluster/:year', pathname);
  if (params !== null) {
    return <AwardsPage me={me} cluster={params.cluster ?? ''} year={Number(params.year)} />;
  }
  params = match('/quan-ly/:cluster/:year', pathname);
  if (params !== null) {
    return <ManagePage me={me} cluster={params.cluster ?? ''} year={Number(params.year)} />;
  }
  params = match('/thiet-lap/:year', pathname);
  if (params !== null) return <SetupPage year={Number(params.year)} />;
  params = match('/ky/:cluster/:period/ma-tran', pathname);
  if (params !== null) {
    return <MatrixPage cluster={params.cluster ?? ''} period={params.period ?? ''} />;
  }
  params = match('/ky/:cluster/:period/phien-ban/:unit', pathname);
  if (params !== null) {
    return (
      <VersionsPage
        cluster={params.cluster ?? ''}
        period={params.period ?? ''}
        unit={params.unit ?? ''}
      />
    );
  }
  params = match('/don-vi/:unit/lich-su', pathname);
  if (params !== null) return <HistoryPage unit={params.unit ?? ''} />;
  params = match('/tong-hop/:period', pathname);
  if (params !== null) return <SummaryPage period={params.period ?? ''} />;
  params = match('/ky/:cluster/:period/bang-diem/:unit', pathname);
  if (params !== null) {
    return (
      <ScorecardPage
        me={me}
        cluster={params.cluster ?? ''}
        period={params.period ?? ''}
        unit={params.unit ?? ''}
      />
    );
  }
  return (
    <p>
      {t('Không có trang này.')} <Link to="/">{t('Về trang chủ')}</Link>
    </p>
  );
}

/** A unit by the name it has in its newest cluster, its code beside it. */
function UnitName({ code }: { code: string }) {
  const unit = useQuery<{ unit: { memberships: { year: number; name: string }[] } | null }>(
    'Unit',
    { code, first: 1 },
  );
  const newest = unit.data?.unit?.memberships.reduce<{ year: number; name: string } | null>(
    (found, m) => (found === null || m.year > found.year ? m : found),
    null,
  );
  return (
    <>
      {newest?.name ?? 'Đơn vị'} <span className="muted">({code})</span>
    </>
  );
}

function Who({ me }: { me: Me }) {
  const t = useT();
  const roles = me.roles
    .filter((r) => r.role !== 'MEMBER')
    .map((r) => `${t(roleName(r.role))} ${r.clusterCode} (${r.year})`);
  return (
    <span className="who" data-testid="who">
      {me.central ? t('Ban Tổ chức Trung ương') : <UnitName code={me.unitCode ?? me.subject} />}
      {roles.length > 0 && <span className="muted"> · {roles.join(', ')}</span>}
    </span>
  );
}

function SignedIn({ path }: { path: string }) {
  const me = useQuery<{ me: Me }>('Me', {});
  const t = useT();
  const expired = me.error?.code === 'UNAUTHENTICATED';
  useEffect(() => {
    if (expired) setToken(null);
  }, [expired]);
  return (
    <>
      <header className="top no-print">
        <Link to="/" className="brand">
          {t('thidua · Thi đua cụm')}
        </Link>
        {me.data !== null && <Who me={me.data.me} />}
        <LanguageToggle />
        <button
          type="button"
          onClick={() => {
            setToken(null);
            navigate('/dang-nhap');
          }}
        >
          {t('Đăng xuất')}
        </button>
      </header>
      <main>
        {me.loading && me.data === null && <Loading what="thông tin đăng nhập" />}
        {me.error !== null && <ErrorBox error={me.error} />}
        {me.data !== null && <Page me={me.data.me} path={path} />}
      </main>
    </>
  );
}

export function App() {
  const token = useToken();
  const path = usePath();
  useEffect(() => {
    if (token === null && !path.startsWith('/dang-nhap')) navigate('/dang-nhap', true);
  }, [token, path]);
  if (token === null || path.startsWith('/dang-nhap')) {
    return (
      <main>
        <SignInPage />
      </main>
    );
  }
  return <SignedIn path={path} />;
}
