import { requireViewer } from '../auth/require-viewer.ts';
import { builder } from '../builder.ts';

interface Role {
  clusterCode: string;
  year: number;
  role: 'MEMBER' | 'LEAD' | 'DEPUTY';
}

const RoleRef = builder.objectRef<Role>('ClusterRole').implement({
  description: "A unit's place in a cluster for a year, as the contest facts say",
  fields: (t) => ({
    clusterCode: t.exposeString('clusterCode'),
    year: t.exposeInt('year'),
    role: t.exposeString('role', { description: 'MEMBER, LEAD (cụm trưởng) or DEPUTY (cụm phó)' }),
  }),
});

/** The caller as `me` shows it: the board is a role, with no unit code. */
interface MeShape {
  subject: string;
  central: boolean;
  unitCode: string | null;
  roles: Role[];
}

const Me = builder.objectRef<MeShape>('Me').implement({
  description: 'The signed-in caller',
  fields: (t) => ({
    subject: t.exposeString('subject'),
    central: t.exposeBoolean('central', { description: 'the central board' }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    roles: t.field({ type: [RoleRef], resolve: (me) => me.roles }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    description: 'Who the token says you are, and the clusters your unit belongs to or leads',
    type: Me,
    resolve: async (_root, _args, context) => {
      const viewer = requireViewer(context);
      if (viewer.role === 'CENTRAL') {
        return { subject: viewer.subject, central: true, unitCode: null, roles: [] };
      }
      const { unitCode } = viewer;
      const clusters = await context.db
        .selectFrom('clusters')
        .select(['cluster_code', 'year', 'lead', 'deputies', 'members'])
        .orderBy('year')
        .orderBy('cluster_code')
        .execute();
      const roles = clusters.flatMap((c): Role[] => {
        if (!c.members.some((m) => m.unitCode === unitCode)) return [];
        const role =
          c.lead === unitCode ? 'LEAD' : c.deputies.includes(unitCode) ? 'DEPUTY' : 'MEMBER';
        return [{ clusterCode: c.cluster_code, year: c.year, role }];
      });
      return { subject: viewer.subject, central: false, unitCode, roles };
    },
  }),
);
