/** The leaders' screens in Chinese (keys `leaders.*`); gathered into the dictionaries by web/src/i18n/zh.ts. */
export const leadersZh = {};
