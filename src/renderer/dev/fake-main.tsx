// DEV ONLY: mounts the application on the fake back end (see fake-api.ts).
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { createFakeApi } from './fake-api';
import '../styles/base.css';
import '../styles/navigation.css';
import '../styles/tables.css';
import '../styles/panes.css';
import '../styles/start.css';
import '../styles/statistics.css';
import '../styles/export.css';
import '../styles/expert.css';
import '../styles/follow.css';

const params = new URLSearchParams(location.search);
const api = createFakeApi(Number(params.get('rows') ?? 5000));
createRoot(document.getElementById('root') as HTMLElement).render(<App api={api} />);
if (params.has('autoload')) void api.request('file:open', { paths: ['/captures/fake-msnp.pcap'] });
