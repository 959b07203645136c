import { common, useT } from '../../shared/i18n.ts';
import { type CardPosition, cardPositions } from '../../shared/types.ts';
import { adminMessages } from './messages.ts';

/** 利用者ワンタイムパスワード: the ア～ク card, shown once on issue; the server never shows it again. */
export function CardTable({
  userName,
  card,
  onClose,
}: {
  userName: string;
  card: Record<CardPosition, string>;
  onClose: () => void;
}) {
  const t = useT(adminMessages);
  const c = useT(common);
  return (
    <section className="panel card-panel" aria-labelledby="card-heading">
      <h2 id="card-heading">{t('cardHeading', { name: userName })}</h2>
      <p className="warning">{t('cardOnce')}</p>
      <table className="grid card-table" data-testid="card-table">
        <thead>
          <tr>
            {cardPositions.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {cardPositions.map((p) => (
              <td key={p} className="mono" data-testid={`card-${p}`}>
                {card[p]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="secondary" data-testid="card-close" onClick={onClose}>
          {c('close')}
        </button>
      </div>
    </section>
  );
}
