import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/forms.css';
import '../styles/content.css';
import '../styles/patrons.css';
import '../styles/campaigns.css';
import { App } from './App';
import { initI18n } from './i18n';
import { Providers } from './providers';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

await initI18n();
createRoot(container).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
