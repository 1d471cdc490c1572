import { scheme, type Scheme, type SchemeInput } from '@thidua/schema';
import {
  countIndicator,
  percentIndicator,
  relativeCriterion,
  selfAssessed,
  targetCriterion,
  testScheme,
} from '../../../../test/support/scheme.ts';

/** A small scheme of cluster north for 2024: one criterion of each kind the commands look at. */
export const schemeInput: SchemeInput = testScheme(2024, {
  code: 'north-2024',
  title: 'Bảng điểm cụm Bắc 2024',
  maxTotal: '100',
  indicators: [
    countIndicator('admitted', '1000'),
    percentIndicator('advised', 'Tỷ lệ văn bản được tham mưu'),
  ],
  criteria: [
    targetCriterion('1.1', '40', 'admitted', '100'),
    relativeCriterion('1.2', '40', 'advised', 'Tham mưu'),
    selfAssessed('1.3', '20'),
  ],
});

export const northScheme: Scheme = scheme.parse(schemeInput);
