/** The party members' screens in Chinese (keys `party.*`); gathered into the dictionaries by web/src/i18n/zh.ts. */
export const partyZh = {};
