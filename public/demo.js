// The demo page's own script: wires the command buttons and logs every widget event as it arrives.
// It only uses the public API (the RocketChatPrechat command queue), like any site owner's code would.
// Text goes in with textContent only: event details come from the network and are never parsed as HTML.
(() => {
  const EVENTS = ['ready', 'open', 'close', 'submit', 'registered', 'room', 'error'];
  // Matches src/server/fixtures/demo.json: the Support department and its two visible custom fields.
  const PREFILL = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0958',
    department: 'dep-support',
    customFields: { plan: 'Pro', company_id: 'AC-1234' },
  };

  // A site that knows its logged-in user: name shown but locked, email and plan sent without asking.
  // Every required field is then known, so opening the chat goes straight to the room (consent aside).
  const KNOWN_USER = {
    name: { value: 'Grace Hopper', mode: 'readonly' },
    email: { value: 'grace@example.com', mode: 'hidden' },
    customFields: {
      plan: { value: 'Enterprise', mode: 'hidden' },
      crm_id: { value: 'CRM-1906', mode: 'hidden' },
    },
  };

  const prechat = (...args) => window.RocketChatPrechat(...args);
  const log = document.getElementById('event-log');
  const empty = document.getElementById('event-log-empty');

  function formatDetail(detail) {
    if (detail === undefined) return '';
    try {
      return JSON.stringify(detail, null, 2);
    } catch {
      return String(detail);
    }
  }

  function append(name, detail) {
    const item = document.createElement('li');
    item.className = `event event-${name}`;

    const title = document.createElement('div');
    title.className = 'event-title';
    const label = document.createElement('span');
    label.className = 'event-name';
    label.textContent = name;
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    title.append(label, time);
    item.append(title);

    const text = formatDetail(detail);
    if (text) {
      const body = document.createElement('pre');
      body.textContent = text;
      item.append(body);
    }
    log.prepend(item);
    empty.hidden = true;
  }

  for (const name of EVENTS) {
    prechat('on', name, (detail) => append(name, detail));
  }

  for (const button of document.querySelectorAll('button[data-command]')) {
    button.addEventListener('click', () => {
      const command = button.dataset.command;
      if (command === 'prefill') prechat('prefill', PREFILL);
      else if (command === 'prefill-known') prechat('prefill', KNOWN_USER);
      else if (command === 'getVisitor') prechat('getVisitor', (visitor) => append('getVisitor()', visitor));
      else prechat(command);
    });
  }

  // What a single-page app's own language switch does to the page; the form follows on its next open.
  const pageLanguage = document.getElementById('page-language');
  pageLanguage.addEventListener('change', () => {
    if (pageLanguage.value) document.documentElement.lang = pageLanguage.value;
    else document.documentElement.removeAttribute('lang');
  });

  // Reply as the agent: the stand-in's control route, through this page's own server (it sends no CORS headers).
  const agentSend = document.getElementById('agent-send');
  const agentStatus = document.getElementById('agent-status');
  let roomId;
  prechat('on', 'room', ({ room }) => {
    roomId = room._id;
    agentSend.disabled = false;
    agentStatus.textContent = `Room ${roomId} is open.`;
  });
  agentSend.addEventListener('click', async () => {
    const msg = document.getElementById('agent-message').value.trim();
    if (!roomId || !msg) return;
    const answer = await fetch('/_standin/agent-message', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rid: roomId, msg }),
    });
    agentStatus.textContent = answer.ok
      ? 'Sent: it appears in the visitor’s chat.'
      : `Not sent (HTTP ${answer.status}).`;
  });

  document.getElementById('clear-log').addEventListener('click', () => {
    log.replaceChildren();
    empty.hidden = false;
  });
})();
