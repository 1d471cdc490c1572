import type { SchemeInput } from '@thidua/schema';

/**
 * A scheme of the kind provincial organisation boards are scored by: 25 criteria under six
 * headings, 100 points, every criterion method, lateness and the default bands and quotas.
 * The figures are invented for the demo; the shape follows the sector's published practice. Each
 * count's maxValue is a generous plausible maximum for one province in a year (a province admits a
 * few thousand new party members a year, so 30 000 is already absurd).
 */
export function demoScheme(year: number): SchemeInput {
  return {
    code: `btc-tinh-${year}`,
    year,
    title: `Bảng chấm điểm thi đua ngành Tổ chức xây dựng Đảng năm ${year}`,
    maxTotal: '100',
    indicators: [
      {
        code: 'documentsAdvisedToStandingCommittee',
        title: 'Văn bản tham mưu Ban Thường vụ',
        kind: 'COUNT',
        maxValue: '500',
      },
      { code: 'workProgrammeCompleted', title: 'Hoàn thành chương trình công tác', kind: 'YES_NO' },
      {
        code: 'assignedTasksCompletedPercent',
        title: 'Tỷ lệ nhiệm vụ được giao hoàn thành (%)',
        kind: 'PERCENT',
      },
      { code: 'staffReductionPercent', title: 'Tỷ lệ tinh giản biên chế (%)', kind: 'PERCENT' },
      { code: 'staffingRulesComplied', title: 'Quản lý biên chế đúng quy định', kind: 'YES_NO' },
      { code: 'cadresPlanned', title: 'Cán bộ được quy hoạch', kind: 'COUNT', maxValue: '5000' },
      {
        code: 'cadresTrained',
        title: 'Cán bộ được đào tạo, bồi dưỡng',
        kind: 'COUNT',
        maxValue: '20000',
      },
      {
        code: 'districtLevelOfficialsRemoved',
        title: 'Cán bộ cấp huyện bị cho thôi chức, kỷ luật',
        kind: 'COUNT',
        maxValue: '300',
      },
      {
        code: 'provincialCommitteeMembersRemoved',
        title: 'Tỉnh ủy viên bị cho thôi chức, kỷ luật',
        kind: 'COUNT',
        maxValue: '80',
      },
      {
        code: 'newPartyMembersAdmitted',
        title: 'Đảng viên mới được kết nạp',
        kind: 'COUNT',
        maxValue: '30000',
      },
      {
        code: 'newPartyOrganizationsInEnterprises',
        title: 'Tổ chức đảng mới trong doanh nghiệp ngoài nhà nước',
        kind: 'COUNT',
        maxValue: '1000',
      },
      {
        code: 'grassrootsExcellentPercent',
        title: 'Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (%)',
        kind: 'PERCENT',
      },
      {
        code: 'politicalCasesResolvedPercent',
        title: 'Vấn đề chính trị hiện nay được giải quyết (%)',
        kind: 'PERCENT',
      },
      {
        code: 'noComplexIncidents',
        title: 'Không để xảy ra vụ việc phức tạp về chính trị nội bộ',
        kind: 'YES_NO',
      },
      { code: 'digitalRecordsPercent', title: 'Hồ sơ đảng viên được số hóa (%)', kind: 'PERCENT' },
      { code: 'officeRatedClean', title: 'Cơ quan đạt trong sạch, vững mạnh', kind: 'YES_NO' },
    ],
    headings: [
      {
        code: 'I',
        title: 'Tham mưu công tác xây dựng Đảng',
        criteria: [
          {
            code: '1.1',
            title: 'Văn bản tham mưu Ban Thường vụ',
            maxPoints: '5',
            method: 'COUNT',
            indicator: 'documentsAdvisedToStandingCommittee',
            pointsPerItem: '0.5',
          },
          {
            code: '1.2',
            title: 'Chất lượng tham mưu đề án, nghị quyết',
            maxPoints: '6',
            method: 'SELF_ASSESSED',
          },
          {
            code: '1.3',
            title: 'Tham mưu sơ kết, tổng kết nghị quyết chuyên đề',
            maxPoints: '4',
            method: 'SELF_ASSESSED',
          },
          {
            code: '1.4',
            title: 'Hoàn thành chương trình công tác năm',
            maxPoints: '5',
            method: 'YES_NO',
            indicator: 'workProgrammeCompleted',
          },
          {
            code: '1.5',
            title: 'Tỷ lệ nhiệm vụ được giao hoàn thành',
            maxPoints: '5',
            method: 'BANDS',
            indicator: 'assignedTasksCompletedPercent',
            bands: [
              { threshold: '80', points: '1' },
              { threshold: '90', points: '3' },
              { threshold: '100', points: '5' },
            ],
          },
        ],
      },
      {
        code: 'II',
        title: 'Tổ chức bộ máy, biên chế',
        criteria: [
          {
            code: '2.1',
            title: 'Sắp xếp, kiện toàn tổ chức bộ máy',
            maxPoints: '5',
            method: 'SELF_ASSESSED',
          },
          {
            code: '2.2',
            title: 'Tinh giản biên chế so với chỉ tiêu',
            maxPoints: '5',
            method: 'TARGET',
            indicator: 'staffReductionPercent',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '10',
          },
          {
            code: '2.3',
            title: 'Quản lý biên chế đúng quy định',
            maxPoints: '5',
            method: 'YES_NO',
            indicator: 'staffingRulesComplied',
          },
        ],
      },
      {
        code: 'III',
        title: 'Công tác cán bộ',
        criteria: [
          {
            code: '3.1',
            title: 'Quy hoạch cán bộ',
            maxPoints: '5',
            method: 'TARGET',
            indicator: 'cadresPlanned',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '250',
          },
          {
            code: '3.2',
            title: 'Đào tạo, bồi dưỡng cán bộ',
            maxPoints: '5',
            method: 'TARGET',
            indicator: 'cadresTrained',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '400',
          },
          {
            code: '3.3',
            title: 'Luân chuyển, điều động cán bộ',
            maxPoints: '4',
            method: 'SELF_ASSESSED',
          },
          {
            code: '3.4',
            title: 'Đánh giá, xếp loại cán bộ',
            maxPoints: '3',
            method: 'SELF_ASSESSED',
          },
          {
            code: '3.5',
            title: 'Cán bộ cấp huyện bị cho thôi chức, kỷ luật (ít hơn là tốt)',
            maxPoints: '3',
            method: 'RELATIVE',
            indicator: 'districtLevelOfficialsRemoved',
            direction: 'LOWER_IS_BETTER',
          },
        ],
      },
      {
        code: 'IV',
        title: 'Tổ chức cơ sở đảng và đảng viên',
        criteria: [
          {
            code: '4.1',
            title: 'Kết nạp đảng viên mới so với chỉ tiêu',
            maxPoints: '6',
            method: 'TARGET',
            indicator: 'newPartyMembersAdmitted',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '1000',
          },
          {
            code: '4.2',
            title: 'Kết nạp đảng viên so với đơn vị dẫn đầu cụm',
            maxPoints: '4',
            method: 'RELATIVE',
            indicator: 'newPartyMembersAdmitted',
            direction: 'HIGHER_IS_BETTER',
          },
          {
            code: '4.3',
            title: 'Thành lập tổ chức đảng trong doanh nghiệp ngoài nhà nước',
            maxPoints: '4',
            method: 'COUNT',
            indicator: 'newPartyOrganizationsInEnterprises',
            pointsPerItem: '1',
          },
          {
            code: '4.4',
            title: 'Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ',
            maxPoints: '3',
            method: 'BANDS',
            indicator: 'grassrootsExcellentPercent',
            bands: [
              { threshold: '10', points: '1' },
              { threshold: '15', points: '2' },
              { threshold: '20', points: '3' },
            ],
          },
          {
            code: '4.5',
            title: 'Quản lý đảng viên, sinh hoạt chi bộ',
            maxPoints: '3',
            method: 'SELF_ASSESSED',
          },
        ],
      },
      {
        code: 'V',
        title: 'Bảo vệ chính trị nội bộ',
        criteria: [
          {
            code: '5.1',
            title: 'Thẩm định tiêu chuẩn chính trị',
            maxPoints: '4',
            method: 'SELF_ASSESSED',
          },
          {
            code: '5.2',
            title: 'Giải quyết vấn đề chính trị hiện nay',
            maxPoints: '3',
            method: 'TARGET',
            indicator: 'politicalCasesResolvedPercent',
            direction: 'HIGHER_IS_BETTER',
            defaultTarget: '100',
          },
          {
            code: '5.3',
            title: 'Không để xảy ra vụ việc phức tạp',
            maxPoints: '3',
            method: 'YES_NO',
            indicator: 'noComplexIncidents',
          },
        ],
      },
      {
        code: 'VI',
        title: 'Thi đua, khen thưởng và xây dựng cơ quan',
        criteria: [
          {
            code: '6.1',
            title: 'Tổ chức phong trào thi đua',
            maxPoints: '3',
            method: 'SELF_ASSESSED',
          },
          {
            code: '6.2',
            title: 'Chuyển đổi số hồ sơ đảng viên',
            maxPoints: '3',
            method: 'BANDS',
            indicator: 'digitalRecordsPercent',
            bands: [
              { threshold: '50', points: '1' },
              { threshold: '80', points: '2' },
              { threshold: '100', points: '3' },
            ],
          },
          {
            code: '6.3',
            title: 'Cơ quan trong sạch, vững mạnh',
            maxPoints: '2',
            method: 'YES_NO',
            indicator: 'officeRatedClean',
          },
          {
            code: '6.4',
            title: 'Chế độ thông tin, báo cáo',
            maxPoints: '2',
            method: 'SELF_ASSESSED',
          },
        ],
      },
    ],
  };
}
