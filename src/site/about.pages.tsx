import type { Child } from 'hono/jsx';
import { useLang } from '../web/lang.context.ts';

// What Next Season is, how its forecasts, comments and alerts work, and where its data comes from.

export function AboutPage() {
  const { t, rich, href } = useLang();
  const license = (url: string) => (text: Child[]) => <a href={url}>{text}</a>;
  return (
    <>
      <h1>{t('about.heading')}</h1>
      <p>{t('about.intro')}</p>
      <h2 id="forecasts">{t('about.forecastsHeading')}</h2>
      <p>{t('about.forecasts')}</p>
      <p>{rich('about.backtest', { quality: (text) => <a href={href('/about/forecasts')}>{text}</a> })}</p>
      <h2 id="comments">{t('about.commentsHeading')}</h2>
      <p>{t('about.comments')}</p>
      <p>{rich('about.moderation', { code: (text) => <code>{text}</code> })}</p>
      <h2 id="alerts">{t('about.alertsHeading')}</h2>
      <p>{t('about.alerts')}</p>
      <p>{t('about.alertsPrivacy')}</p>
      <h2>{t('about.dataHeading')}</h2>
      <ul>
        <li>{t('about.data.starter')}</li>
        <li>
          {rich('about.data.tvmaze', {
            tvmaze: license('https://www.tvmaze.com/api'),
            license: license('https://creativecommons.org/licenses/by-sa/4.0/'),
          })}
        </li>
        <li>{rich('about.data.economist', { license: license('https://creativecommons.org/licenses/by/4.0/') })}</li>
        <li>{t('about.data.kaggle')}</li>
        <li>{t('about.data.netflix')}</li>
      </ul>
    </>
  );
}
