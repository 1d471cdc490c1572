import { scheme, type Scheme, type SchemeInput } from '@thidua/schema';

/** A small scheme of cluster north for 2024: one criterion of each kind the commands look at. */
export const schemeInput: SchemeInput = {
  code: 'north-2024',
  year: 2024,
  title: 'Bảng điểm cụm Bắc 2024',
  maxTotal: '100',
  indicators: [
    { code: 'admitted', title: 'Đảng viên mới kết nạp', kind: 'COUNT', maxValue: '1000' },
    { code: 'advised', title: 'Tỷ lệ văn bản được tham mưu', kind: 'PERCENT' },
  ],
  headings: [
    {
      code: 'I',
      title: 'Công tác xây dựng Đảng',
      criteria: [
        {
          code: '1.1',
          title: 'Kết nạp đảng viên',
          maxPoints: '40',
          method: 'TARGET',
          indicator: 'admitted',
          direction: 'HIGHER_IS_BETTER',
          defaultTarget: '100',
        },
        {
          code: '1.2',
          title: 'Tham mưu',
          maxPoints: '40',
          method: 'RELATIVE',
          indicator: 'advised',
          direction: 'HIGHER_IS_BETTER',
        },
        { code: '1.3', title: 'Tự đánh giá', maxPoints: '20', method: 'SELF_ASSESSED' },
      ],
    },
  ],
};

export const northScheme: Scheme = scheme.parse(schemeInput);
