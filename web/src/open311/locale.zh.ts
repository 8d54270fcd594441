/** The Open311 keys' screen in Chinese (keys `open311.*`); gathered into the dictionaries by web/src/i18n/zh.ts. */
export const open311Zh = {
  'open311.title': 'Open311 接口密钥',
  'open311.newKey': '签发接口密钥',
  'open311.unit': '单位',
  'open311.label': '使用方',
  'open311.issue': '签发',
  'open311.keyPrefix': '密钥开头',
  'open311.state': '状态',
  'open311.issuedAt': '签发时间',
  'open311.revokedAt': '吊销时间',
  'open311.actions': '操作',
  'open311.keyTitle': '接口密钥（只显示这一次）',
  'open311.keyHint': '请立即交给使用方：系统只保存密钥的摘要，之后无法再次查看。',
  'open311.confirmRevoke': '吊销 {label} 的密钥？此后用它的请求都会被拒绝。',
  'open311.total': '共 {total} 个',
  'open311.none': '尚未签发接口密钥',
};
