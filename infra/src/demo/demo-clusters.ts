import facts from '../../demo/data/cluster-2-2023.json' with { type: 'json' };

export interface DemoCluster {
  code: string;
  name: string;
  lead: string;
  deputies: string[];
  members: { unitCode: string; name: string }[];
  /** Published H1 cluster totals, shared among the units by weight, when the press gave them. */
  publishedH1?: { totals: Record<string, number>; weights: number[] };
}

const board = (code: string, province: string) => ({
  unitCode: code,
  name: `Ban Tổ chức ${['ha-noi', 'hai-phong', 'da-nang'].includes(code) ? 'Thành ủy' : 'Tỉnh ủy'} ${province}`,
});

/** Cluster No. 2 as reported for 2023, with its published H1 totals. */
export const cluster2: DemoCluster = {
  code: facts.cluster.code,
  name: facts.cluster.name,
  lead: facts.lead,
  deputies: facts.coChairsAtH1Review,
  members: facts.members.map((m) => board(m.code, m.province)),
  // Rough relative sizes of the provinces' Party organisations, to share the published totals.
  publishedH1: {
    totals: facts.h1Review.clusterTotals,
    weights: [8, 7, 6, 12, 6, 6, 7, 5, 12, 7, 6, 4, 6, 5],
  },
};

// The two clusters below are invented for the demo from 2023's provinces (their membership in 2023
// was not published); they give the central board's roll-up more than one cluster to add up.
export const cluster1: DemoCluster = {
  code: 'cum-1',
  name: 'Cụm thi đua số 1',
  lead: 'phu-tho',
  deputies: ['thai-nguyen'],
  members: [
    board('ha-noi', 'Hà Nội'),
    board('thai-nguyen', 'Thái Nguyên'),
    board('bac-kan', 'Bắc Kạn'),
    board('tuyen-quang', 'Tuyên Quang'),
    board('ha-giang', 'Hà Giang'),
    board('cao-bang', 'Cao Bằng'),
    board('son-la', 'Sơn La'),
    board('dien-bien', 'Điện Biên'),
    board('lai-chau', 'Lai Châu'),
    board('lao-cai', 'Lào Cai'),
    board('yen-bai', 'Yên Bái'),
    board('phu-tho', 'Phú Thọ'),
    board('vinh-phuc', 'Vĩnh Phúc'),
    board('hoa-binh', 'Hòa Bình'),
  ],
};

export const cluster3: DemoCluster = {
  code: 'cum-3',
  name: 'Cụm thi đua số 3',
  lead: 'thua-thien-hue',
  deputies: ['quang-nam'],
  members: [
    board('quang-binh', 'Quảng Bình'),
    board('quang-tri', 'Quảng Trị'),
    board('thua-thien-hue', 'Thừa Thiên Huế'),
    board('da-nang', 'Đà Nẵng'),
    board('quang-nam', 'Quảng Nam'),
    board('quang-ngai', 'Quảng Ngãi'),
    board('binh-dinh', 'Bình Định'),
    board('phu-yen', 'Phú Yên'),
    board('khanh-hoa', 'Khánh Hòa'),
  ],
};

export const demoClusters = [cluster2, cluster1, cluster3];
