import { requireViewer } from '../auth/require-viewer.ts';
import type { Viewer } from '../auth/viewer.ts';
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

const Me = builder.objectRef<Viewer & { roles: Role[] }>('Me').implement({
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
      if (viewer.central) return { ...viewer, roles: [] };
      const clusters = await context.db
        .selectFrom('clusters')
        .select(['cluster_code', 'year', 'lead', 'deputies', 'members'])
        .orderBy('year')
        .orderBy('cluster_code')
        .execute();
      const roles = clusters.flatMap((c): Role[] => {
        if (!c.members.some((m) => m.unitCode === viewer.unitCode)) return [];
        const role =
          c.lead === viewer.unitCode
            ? 'LEAD'
            : c.deputies.includes(viewer.unitCode)
              ? 'DEPUTY'
              : 'MEMBER';
        return [{ clusterCode: c.cluster_code, year: c.year, role }];
      });
      return { ...viewer, roles };
    },
  }),
);
