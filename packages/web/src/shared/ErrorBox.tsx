import { errorText } from './errorText.ts';
import { useLang } from './i18n.ts';

/** The one place an error is shown on a screen; the code is exposed for tests as data-code. */
export function ErrorBox({ error }: { error: unknown }) {
  const lang = useLang();
  if (error === null || error === undefined) return null;
  const { code, message, items } = errorText(error, lang);
  return (
    <div className="error-box" role="alert" data-testid="error" data-code={code}>
      <p>{message}</p>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
