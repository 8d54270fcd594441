import { useEffect, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useI18n } from './i18n/i18n.tsx';

/**
 * Ant Design's own texts (pagination, pickers, empty states) follow the chosen language. Chinese
 * is bundled; en_US loads when someone switches (its texts are antd's defaults meanwhile).
 */
export function Localized({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const [english, setEnglish] = useState<Locale>();
  // The date pickers' month and week-day names, and the week starting on Monday in Chinese.
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  useEffect(() => {
    if (language === 'en' && !english) void import('antd/locale/en_US').then((m) => setEnglish(m.default));
  }, [language, english]);
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : english}
      // Button texts stay as the locale files write them (antd spaces out two-character Chinese labels).
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: '#b42318',
          colorLink: '#8a1c12',
          borderRadius: 4,
          // antd's pale greys fall below WCAG AA contrast on white; these keep every text at 4.5:1 or more.
          colorTextPlaceholder: '#707070',
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextQuaternary: '#707070',
          colorError: '#c62828',
          colorSuccess: '#15803d',
          colorWarning: '#b45309',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
