// Background jobs on the server-rendered pages (imports, PDF documents): a form with data-job-url is sent to that URL
// instead of its action, a button with data-job-start starts a job; both then show the job's progress (polled from
// /api/jobs/{id}), a cancel button while it can still be cancelled, and the outcome: a download link or the errors.
(() => {
  const id = (document.documentElement.lang || 'id').startsWith('en') ? 'en' : 'id';
  const T = {
    queued: ['Menunggu giliran…', 'Waiting…'], reading: ['Membaca berkas…', 'Reading the file…'],
    checking: ['Memeriksa baris', 'Checking rows'], writing: ['Menyimpan…', 'Saving…'], building: ['Menyusun dokumen…', 'Building the document…'],
    converting: ['Mengubah ke PDF…', 'Converting to PDF…'], done: ['Selesai.', 'Done.'], of: ['dari', 'of'],
    cancel: ['Batalkan', 'Cancel'], cancelled: ['Dibatalkan; tidak ada yang disimpan.', 'Cancelled; nothing was saved.'],
    failed: ['Gagal', 'Failed'], download: ['Unduh', 'Download'], refused: ['Ditolak', 'Refused'], imported: ['baris diimpor.', 'rows imported.'],
  };
  const t = k => T[k] ? T[k][id === 'en' ? 1 : 0] : k;
  const headers = { 'X-KerjaSama-Csrf': '1' };

  function panel(anchor) {
    let box = anchor.parentElement.querySelector(':scope > .job-progress');
    if (!box) {
      box = document.createElement('div');
      box.className = 'job-progress';
      box.setAttribute('role', 'status');
      box.setAttribute('aria-live', 'polite');
      box.innerHTML = '<progress max="100"></progress> <span class="job-text"></span> <button type="button" class="job-cancel"></button> <span class="job-outcome"></span>';
      anchor.insertAdjacentElement('afterend', box);
    }
    box.querySelector('.job-cancel').textContent = t('cancel');
    box.querySelector('.job-outcome').replaceChildren();
    return box;
  }

  function describe(s) {
    const text = t(s.stage);
    if (s.stage === 'checking' && s.total > 0) return `${text} ${s.done} ${t('of')} ${s.total}…`;
    return text;
  }

  async function follow(box, status, onResult) {
    const bar = box.querySelector('progress'), text = box.querySelector('.job-text'), cancel = box.querySelector('.job-cancel');
    box.dataset.jobId = status.id;
    cancel.hidden = false;
    cancel.onclick = async () => {
      cancel.disabled = true;
      const r = await fetch(status.statusUrl, { method: 'DELETE', headers, credentials: 'same-origin' });
      if (!r.ok) { const p = await r.json().catch(() => ({})); text.textContent = p.detail || p.title || r.status; }
      cancel.disabled = false;
    };
    for (;;) {
      text.textContent = describe(status);
      if (status.total > 0) bar.value = Math.round(100 * status.done / status.total); else bar.removeAttribute('value');
      cancel.hidden = !status.cancellable;
      if (['succeeded', 'failed', 'cancelled'].includes(status.state)) break;
      await new Promise(r => setTimeout(r, 400));
      const r = await fetch(status.statusUrl, { credentials: 'same-origin' });
      if (!r.ok) { text.textContent = `${t('failed')} (${r.status})`; return; }
      status = await r.json();
    }
    cancel.hidden = true;
    bar.value = 100;
    box.dataset.jobState = status.state;
    if (status.state === 'cancelled') { text.textContent = t('cancelled'); return; }
    if (status.state === 'failed') { text.textContent = `${t('failed')}: ${status.error || status.errorCode}`; return; }
    text.textContent = t('done');
    await onResult(status, box.querySelector('.job-outcome'));
  }

  async function problemText(response) {
    const p = await response.json().catch(() => null);
    if (!p) return `${t('refused')} (${response.status})`;
    const lines = p.errors ? Object.entries(p.errors).map(([k, v]) => `${k}: ${[].concat(v).join(' ')}`) : [];
    return [p.detail || p.title, ...lines].filter(Boolean).join('\n');
  }

  async function start(url, init, anchor, onResult) {
    const box = panel(anchor);
    const text = box.querySelector('.job-text');
    text.textContent = t('queued');
    const r = await fetch(url, { method: 'POST', credentials: 'same-origin', ...init, headers: { ...headers, ...(init.headers || {}) } });
    if (r.status !== 202) { text.textContent = await problemText(r); box.querySelector('.job-cancel').hidden = true; return; }
    await follow(box, await r.json(), onResult);
  }

  document.addEventListener('submit', e => {
    const form = e.target.closest('form[data-job-url]');
    if (!form) return;
    e.preventDefault();
    start(form.dataset.jobUrl, { body: new FormData(form) }, form, async (status, out) => {
      const r = await fetch(status.resultUrl, { credentials: 'same-origin' });
      if (r.ok) {
        const body = await r.json().catch(() => ({}));
        out.textContent = body.imported !== undefined ? `${body.imported} ${t('imported')}` : t('done');
        if (form.dataset.jobReload) setTimeout(() => location.reload(), 800);
      } else {
        const pre = document.createElement('pre');
        pre.className = 'error';
        pre.textContent = await problemText(r);
        out.replaceChildren(pre);
      }
    });
  });

  document.addEventListener('click', e => {
    const button = e.target.closest('button[data-job-start]');
    if (!button) return;
    e.preventDefault();
    start(button.dataset.jobStart, {}, button, async (status, out) => {
      const a = document.createElement('a');
      a.href = status.resultUrl;
      a.className = 'job-download';
      a.textContent = `${t('download')}: ${status.title}`;
      out.replaceChildren(a);
    });
  });
})();
