import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/schemas/campaigns.js';
import { Checkbox } from '../ui/Checkbox';

export interface ServiceTick {
  toldAbout: boolean;
  wantsHelp: boolean;
}

export interface ServiceTicksProps {
  services: readonly Service[];
  language: string;
  ticks: Record<string, ServiceTick>;
  onChange: (ticks: Record<string, ServiceTick>) => void;
  nameOf: (service: Service) => string;
  pointOf: (service: Service) => string;
}

/** Each service offered at a step, with its talking point and the two ticks a call records. */
export function ServiceTicks({
  services,
  language,
  ticks,
  onChange,
  nameOf,
  pointOf,
}: ServiceTicksProps) {
  const { t } = useTranslation();
  const set = (key: string, change: Partial<ServiceTick>) => {
    const current = ticks[key] ?? { toldAbout: false, wantsHelp: false };
    onChange({ ...ticks, [key]: { ...current, ...change } });
  };
  return (
    <ul className="service-ticks">
      {services.map((service) => {
        const tick = ticks[service.key] ?? { toldAbout: false, wantsHelp: false };
        const point = pointOf(service);
        return (
          <li key={service.key} className="service-ticks__item">
            <fieldset className="fieldset">
              <legend className="service-ticks__name" lang={language}>
                {nameOf(service)}
              </legend>
              {point !== '' ? (
                <p className="service-ticks__point" lang={language}>
                  {point}
                </p>
              ) : null}
              <div className="service-ticks__boxes">
                <Checkbox
                  id={`tick-${service.key}-told`}
                  label={t('runner.toldAbout')}
                  checked={tick.toldAbout}
                  onChange={(on) => set(service.key, { toldAbout: on })}
                />
                <Checkbox
                  id={`tick-${service.key}-wants`}
                  label={t('runner.wantsHelp')}
                  checked={tick.wantsHelp}
                  onChange={(on) => set(service.key, { wantsHelp: on })}
                />
              </div>
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
