import { builder } from '../builder.ts';
import { CriterionPoints } from '../schema/scorecards.ts';
import { evidenceOfUnitPeriods, type EvidenceFileView } from './evidence-files.ts';

const EvidenceFile = builder.objectRef<EvidenceFileView>('EvidenceFile').implement({
  description:
    'An evidence file (minh chứng) for a criterion; its bytes at `GET /evidence/{id}` (the `href`)',
  fields: (t) => ({
    id: t.exposeString('id'),
    fileName: t.exposeString('fileName'),
    mediaType: t.exposeString('mediaType', {
      description: 'what its bytes are: PDF, DOCX, XLSX, JPEG or PNG',
    }),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256', { description: 'hex SHA-256 of the bytes' }),
    uploadedBy: t.exposeString('uploadedBy', { description: 'a unit code, or `central`' }),
    uploadedAt: t.field({ type: 'DateTime', resolve: (e) => e.uploadedAt }),
    href: t.string({ resolve: (e) => `/evidence/${e.id}` }),
  }),
});

const lineKey = (unitCode: string, periodId: string, criterion: string) =>
  `${unitCode} ${periodId} ${criterion}`;

// The scorecard's own visibility covers its evidence: whoever may see the scorecard sees its files.
builder.objectField(CriterionPoints, 'evidence', (t) =>
  t.loadableGroup({
    type: EvidenceFile,
    description: 'the evidence files for this criterion, oldest first',
    // A scorecard asks for every line's files in one query, not one per criterion.
    load: (keys: string[], context) => {
      const unitPeriods = new Map(
        keys.map((key) => {
          const [unitCode = '', periodId = ''] = key.split(' ');
          return [`${unitCode} ${periodId}`, { unitCode, periodId }];
        }),
      );
      return evidenceOfUnitPeriods(context, [...unitPeriods.values()]);
    },
    group: (file) => lineKey(file.unitCode, file.periodId, file.criterion),
    resolve: (line) => lineKey(line.unitCode, line.periodId, line.code),
  }),
);
