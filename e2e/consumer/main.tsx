/**
 * A tiny React app that uses the packed package as a customer would: `import { PrechatForm } from
 * 'rocketchat-prechat'`. e2e/npm-package.spec.ts copies this folder into a temporary project whose
 * node_modules holds the extracted `npm pack` tarball, type-checks it, builds it with Vite and drives it.
 * StrictMode on purpose: the form must survive React's double mount (one form, one registration).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type EventMap, PrechatForm, type PrechatFormProps } from 'rocketchat-prechat';

const SERVER_URL = 'http://127.0.0.1:3100';
// The specs choose a preset department through the URL (`?department=Support`), as a site would pass its own.
const department = new URLSearchParams(location.search).get('department') ?? undefined;

function App() {
  const [log, setLog] = useState<string[]>([]);
  const [room, setRoom] = useState<EventMap['room']>();
  const note = (entry: string) => setLog((entries) => [...entries, entry]);

  const callbacks: Pick<PrechatFormProps, 'onReady' | 'onSubmit' | 'onRegistered' | 'onError'> = {
    onReady: () => note('ready'),
    onSubmit: (values) =>
      note(`submit ${values.name ?? ''} ${values.phone ?? ''} ${values.department ?? ''}`),
    onRegistered: ({ token }) => note(`registered ${token.length}`),
    onError: ({ code }) => note(`error ${code}`),
  };

  return (
    <main>
      <h1>Consumer app</h1>
      <PrechatForm
        className="chat-form"
        serverUrl={SERVER_URL}
        department={department}
        theme={{ color: '#0b5cad' }}
        prefill={{ username: 'consumer-app' }}
        onRoom={(detail) => {
          note('room');
          setRoom(detail);
        }}
        {...callbacks}
      />
      <ul aria-label="Events">
        {log.map((entry, index) => (
          <li key={index}>{entry}</li>
        ))}
      </ul>
      <output aria-label="Room">{room ? `token=${room.token} newRoom=${room.newRoom}` : 'no room'}</output>
    </main>
  );
}

const element = document.getElementById('app');
if (element) {
  createRoot(element).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
