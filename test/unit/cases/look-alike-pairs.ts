/**
 * The set the look-alike threshold is tuned on (bench/look-alikes.ts prints precision and recall by
 * threshold; test/unit/cases/look-alike-score.test.ts holds the chosen one to its figures). Written
 * as clerks write: the same problem said differently (`same: true`), a different problem on the same
 * street, the same problem in another street, and unrelated cases (`same: false`). Category is given
 * for some cases only, as in a draft whose category is not filled in yet.
 */
export type Filing = { title: string; location: string; description?: string; category?: string };
export type LookAlikePair = { a: Filing; b: Filing; same: boolean; why: string };

export const LOOK_ALIKE_PAIRS: LookAlikePair[] = [
  // The same problem, said differently.
  {
    a: { title: '幸福路路灯不亮', location: '幸福路' },
    b: { title: '幸福路老旧小区路灯长期不亮', location: '幸福路12号院', category: '市政设施' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '东街菜市场门口污水外溢', location: '东街菜市场' },
    b: { title: '菜市场门前下水道堵塞污水漫溢', location: '东街菜市场南门', category: '排水' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '和平小区3号楼电梯经常停运', location: '和平小区3号楼', category: '电梯' },
    b: { title: '和平小区三号楼电梯故障频繁', location: '和平小区3号楼', category: '电梯' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '建设路人行道井盖缺失', location: '建设路与光明街交叉口' },
    b: { title: '建设路光明街路口井盖丢失存在安全隐患', location: '建设路光明街口' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '滨河公园健身器材损坏', location: '滨河公园' },
    b: { title: '滨河公园内健身器材老化损坏无人维修', location: '滨河公园东侧', category: '公共设施' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '长江路公交站台顶棚破损', location: '长江路公交站' },
    b: { title: '长江路站公交候车亭顶棚漏雨破损', location: '长江路公交站台' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '阳光花园小区垃圾清运不及时', location: '阳光花园小区' },
    b: { title: '阳光花园垃圾堆积多日无人清运', location: '阳光花园', category: '环境卫生' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '红旗街违章停车堵塞消防通道', location: '红旗街' },
    b: { title: '红旗街消防通道被乱停车辆占用', location: '红旗街28号' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '新华小区二次供水水压不足', location: '新华小区', category: '供水' },
    b: { title: '新华小区高层住户水压低用水困难', location: '新华小区', category: '供水' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '北门桥下积水严重', location: '北门桥' },
    b: { title: '北门桥桥下雨后积水无法通行', location: '北门桥下' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '文化路夜间施工噪音扰民', location: '文化路' },
    b: { title: '文化路工地夜里施工噪声太大影响休息', location: '文化路工地', category: '噪声' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '春晖园小区无障碍坡道被占用', location: '春晖园小区' },
    b: { title: '春晖园无障碍通道长期被杂物堵占', location: '春晖园小区1号门' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '人民路行道树倾斜有倒伏风险', location: '人民路' },
    b: { title: '人民路一棵行道树严重倾斜随时可能倒下', location: '人民路45号门前' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '光华街道路破损坑洼', location: '光华街' },
    b: { title: '光华街路面坑洼不平车辆颠簸', location: '光华街中段', category: '道路' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '育才路学校门口缺少红绿灯', location: '育才路小学' },
    b: { title: '育才路小学门前无信号灯学生过马路危险', location: '育才路小学门口' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: 'Street lights out on Harbour Road', location: 'Harbour Road' },
    b: { title: 'Harbour Road street lights not working at night', location: 'Harbour Road, north end' },
    same: true,
    why: 'restated (English)',
  },
  {
    a: { title: '金桥小区外墙瓷砖脱落', location: '金桥小区' },
    b: { title: '金桥小区楼体外墙砖掉落砸到车辆', location: '金桥小区5栋' },
    same: true,
    why: 'restated',
  },
  {
    a: { title: '东风路窨井盖松动异响', location: '东风路' },
    b: { title: '东风路井盖松动车辆经过响声大', location: '东风路口' },
    same: true,
    why: 'restated',
  },

  {
    a: { title: '幸福路路灯不亮', location: '' },
    b: { title: '幸福路老旧小区路灯长期不亮', location: '幸福路12号院' },
    same: true,
    why: 'restated, the draft names no place yet',
  },
  {
    a: { title: '红旗街消防通道被占', location: '' },
    b: { title: '红旗街违章停车堵塞消防通道', location: '红旗街' },
    same: true,
    why: 'restated, the draft names no place yet',
  },

  // A different problem on the same street.
  {
    a: { title: '幸福路路灯不亮', location: '幸福路' },
    b: { title: '幸福路井盖缺失', location: '幸福路' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '东街菜市场门口污水外溢', location: '东街菜市场' },
    b: { title: '东街菜市场占道经营', location: '东街菜市场' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '和平小区3号楼电梯经常停运', location: '和平小区3号楼' },
    b: { title: '和平小区3号楼楼道堆放杂物', location: '和平小区3号楼' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '建设路人行道井盖缺失', location: '建设路' },
    b: { title: '建设路人行道共享单车乱停放', location: '建设路' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '滨河公园健身器材损坏', location: '滨河公园' },
    b: { title: '滨河公园夜间广场舞噪音扰民', location: '滨河公园' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '阳光花园小区垃圾清运不及时', location: '阳光花园小区' },
    b: { title: '阳光花园小区停车位不足', location: '阳光花园小区' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '红旗街违章停车堵塞消防通道', location: '红旗街' },
    b: { title: '红旗街路灯损坏', location: '红旗街' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '新华小区二次供水水压不足', location: '新华小区', category: '供水' },
    b: { title: '新华小区化粪池堵塞外溢', location: '新华小区', category: '排水' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '文化路夜间施工噪音扰民', location: '文化路' },
    b: { title: '文化路人行道地砖破损', location: '文化路' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: '人民路行道树倾斜有倒伏风险', location: '人民路' },
    b: { title: '人民路公交站台缺少座椅', location: '人民路' },
    same: false,
    why: 'same street, other problem',
  },
  {
    a: { title: 'Street lights out on Harbour Road', location: 'Harbour Road' },
    b: { title: 'Pothole on Harbour Road', location: 'Harbour Road' },
    same: false,
    why: 'same street, other problem (English)',
  },
  {
    a: { title: '光华街道路破损坑洼', location: '光华街' },
    b: { title: '光华街餐馆油烟扰民', location: '光华街' },
    same: false,
    why: 'same street, other problem',
  },

  // The same problem in another street.
  {
    a: { title: '幸福路路灯不亮', location: '幸福路' },
    b: { title: '和平路路灯不亮', location: '和平路' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: '建设路人行道井盖缺失', location: '建设路' },
    b: { title: '解放路人行道井盖缺失', location: '解放路' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: '和平小区3号楼电梯经常停运', location: '和平小区3号楼', category: '电梯' },
    b: { title: '新华小区5号楼电梯经常停运', location: '新华小区5号楼', category: '电梯' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: '阳光花园小区垃圾清运不及时', location: '阳光花园小区' },
    b: { title: '金桥小区垃圾清运不及时', location: '金桥小区' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: '北门桥下积水严重', location: '北门桥' },
    b: { title: '南门桥下积水严重', location: '南门桥' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: '文化路夜间施工噪音扰民', location: '文化路' },
    b: { title: '体育路夜间施工噪音扰民', location: '体育路' },
    same: false,
    why: 'same problem, other street',
  },
  {
    a: { title: 'Street lights out on Harbour Road', location: 'Harbour Road' },
    b: { title: 'Street lights out on Mill Lane', location: 'Mill Lane' },
    same: false,
    why: 'same problem, other street (English)',
  },
  {
    a: { title: '光华街道路破损坑洼', location: '光华街' },
    b: { title: '朝阳街道路破损坑洼', location: '朝阳街' },
    same: false,
    why: 'same problem, other street',
  },

  {
    a: { title: '和平路路灯不亮', location: '' },
    b: { title: '幸福路路灯不亮', location: '幸福路' },
    same: false,
    why: 'same problem, other street, the draft names no place yet',
  },

  // Unrelated.
  {
    a: { title: '幸福路路灯不亮', location: '幸福路' },
    b: { title: '滨河公园健身器材损坏', location: '滨河公园' },
    same: false,
    why: 'unrelated',
  },
  {
    a: { title: '新华小区二次供水水压不足', location: '新华小区' },
    b: { title: '育才路学校门口缺少红绿灯', location: '育才路小学' },
    same: false,
    why: 'unrelated',
  },
];
