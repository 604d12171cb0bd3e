// Renderer entry point: mounts the application on the back-end API (createApi picks Electron's
// preload bridge, else the browser mode's WebSocket client).

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { App } from './app/App';
import './styles/base.css';
import './styles/navigation.css';
import './styles/theme.css';
import './styles/tables.css';
import './styles/panes.css';
import './styles/start.css';
import './styles/statistics.css';
import './styles/charts.css';
import './styles/export.css';
import './styles/expert.css';
import './styles/follow.css';
import './styles/flow.css';

const api = createApi();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
