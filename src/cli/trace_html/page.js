'use strict';
// The trace page of `vmjs trace --html`: draws the module graph of the
// data in #trace-data and moves through its trace events. An event is
// { a: algorithm, s: steps, m: module, w: [[module, "[[Field]]", value]],
// v: [[name, value]], t: the --trace text line }; a value is a number,
// boolean or string, { m: module } or { ms: [modules] }. Any event is drawn
// from these parts alone, so new kinds of events need no change here.
(function () {
  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const modules = data.modules;
  const view = data.view;
  const events = data.events;
  const spec = data.spec;
  const svg = document.getElementById('graph');
  const SVG_NS = svg.namespaceURI;
  const viewport = document.getElementById('viewport');
  const nodeLayer = document.getElementById('nodes');
  const edgeLayer = document.getElementById('edges');
  const $ = (id) => document.getElementById(id);
  const NODE_W = 140;
  const NODE_H = 54;
  const STATUS_COLOURS = {
    'new': 'var(--new)', 'unlinked': 'var(--unlinked)', 'linking': 'var(--linking)',
    'linked': 'var(--linked)', 'evaluating': 'var(--evaluating)',
    'evaluating-async': 'var(--evaluating-async)', 'evaluated': 'var(--evaluated)',
  };

  // ---- text helpers ----
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  }
  // The reference text's inline notation: *x* variables, **v** values, `c` constants.
  function specInline(text) {
    return escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
      .replace(/\*(.+?)\*/g, '<i>$1</i>')
      .replace(/`(.+?)`/g, '<code>$1</code>');
  }
  function moduleName(m) {
    return modules[m] ? modules[m].name : '#' + m;
  }
  function showValue(v) {
    if (v === null || v === undefined) return '<i>empty</i>';
    if (typeof v === 'object' && 'm' in v) return escapeHtml(moduleName(v.m));
    if (typeof v === 'object' && 'ms' in v) return '[' + v.ms.map((m) => escapeHtml(moduleName(m))).join(', ') + ']';
    if (typeof v === 'string') return escapeHtml(v);
    return escapeHtml(JSON.stringify(v));
  }
  function truncate(text, n) {
    return text.length > n ? '\u2026' + text.slice(text.length - n + 1) : text;
  }

  // ---- the drawing ----
  const nodeEls = [];
  const edgeEls = [];
  const edgeIndex = new Map(); // "from>to" (drawn nodes) -> edge element
  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG_NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  // Modules some request imports with `import defer` / `import.defer()`.
  const deferredTarget = new Set();
  modules.forEach((mod) => mod.requests.forEach(([, t, phase]) => { if (phase === 'defer' && t !== null) deferredTarget.add(t); }));
  const deferEdgesInto = new Map(); // drawn node -> its incoming defer edges
  view.edges.forEach(([from, to, back, phase]) => {
    const a = view.nodes[from];
    const b = view.nodes[to];
    let d;
    if (back) {
      const bend = 60 + Math.min(200, Math.abs(a.y - b.y) / 6);
      d = `M ${a.x + NODE_W / 2} ${a.y} C ${a.x + NODE_W / 2 + bend} ${a.y}, ${b.x + NODE_W / 2 + bend} ${b.y}, ${b.x + NODE_W / 2} ${b.y}`;
    } else if (a.y === b.y) {
      d = `M ${a.x} ${a.y + NODE_H / 2} C ${a.x} ${a.y + NODE_H}, ${b.x} ${b.y + NODE_H}, ${b.x} ${b.y + NODE_H / 2}`;
    } else {
      const my = (a.y + b.y) / 2;
      d = `M ${a.x} ${a.y + NODE_H / 2} C ${a.x} ${my}, ${b.x} ${my}, ${b.x} ${b.y - NODE_H / 2}`;
    }
    let cls = back ? 'edge back' : 'edge';
    if (phase === 'defer' || phase === 'source') cls += ' ' + phase;
    const path = el('path', { d, class: cls, 'marker-end': 'url(#arrow)', 'data-phase': phase || 'evaluation' }, edgeLayer);
    edgeEls.push(path);
    if (phase === 'defer') {
      if (!deferEdgesInto.has(to)) deferEdgesInto.set(to, []);
      deferEdgesInto.get(to).push(path);
    }
    edgeIndex.set(from + '>' + to, path);
  });
  view.nodes.forEach((n, i) => {
    const g = el('g', { class: 'node absent', transform: `translate(${n.x - NODE_W / 2} ${n.y - NODE_H / 2})`, 'data-node': i, 'data-module': moduleName(n.members[0]) }, nodeLayer);
    const rect = el('rect', { width: NODE_W, height: NODE_H, rx: 6 }, g);
    const first = n.members[0];
    let label = truncate(moduleName(first), 20);
    if (n.members.length > 1) label = truncate(moduleName(first), 14) + ' +' + (n.members.length - 1);
    const name = el('text', { x: NODE_W / 2, y: 16 }, g);
    name.textContent = label;
    const info = el('text', { x: NODE_W / 2, y: 31, class: 'info' }, g);
    const info2 = el('text', { x: NODE_W / 2, y: 45, class: 'info' }, g);
    const title = el('title', {}, g);
    title.textContent = n.members.map((m) => modules[m].path).join('\n');
    g.addEventListener('click', () => showRecord(first));
    nodeEls.push({ g, rect, info, info2 });
  });

  // ---- the records' state after the first k events ----
  let state = [];   // per module: { '[[Field]]': value }
  let applied = 0;  // events applied to `state`
  let lastWritten = []; // per drawn node: the member written last (condensed view)
  const dirty = new Set();
  function reset() {
    state = modules.map(() => ({}));
    lastWritten = view.nodes.map((n) => n.members[0]);
    applied = 0;
    view.nodes.forEach((_, i) => dirty.add(i));
  }
  function apply(event) {
    for (const [m, field, value] of event.w || []) {
      state[m][field] = value;
      const node = view.nodeOf[m];
      lastWritten[node] = m;
      dirty.add(node);
    }
  }
  function advanceTo(k) {
    if (k < applied) reset();
    while (applied < k) apply(events[applied++]);
  }

  // ---- painting ----
  let highlighted = new Set();
  let hotEdges = [];
  function paintNode(i, classes) {
    const n = nodeEls[i];
    const m = lastWritten[i];
    const s = state[m];
    const status = s['[[Status]]'];
    const failed = s['[[EvaluationError]]'] !== undefined;
    n.rect.setAttribute('fill', failed ? 'var(--error)' : (STATUS_COLOURS[status] || '#fff'));
    let cls = 'node';
    if (status === undefined) cls += ' absent';
    if (failed) cls += ' failed';
    const waiting = deferredTarget.has(m) && status !== 'evaluated' && status !== 'evaluating-async' && !failed;
    if (waiting) cls += ' deferred';
    n.g.setAttribute('data-status', failed ? 'error' : (status || 'absent'));
    if (classes) cls += ' ' + classes;
    n.g.setAttribute('class', cls);
    const parts = [];
    n.info.textContent = s['[[DFSIndex]]'] !== undefined ? 'DFS ' + s['[[DFSIndex]]'] + ' / ' + s['[[DFSAncestorIndex]]'] : (status || '');
    const order = s['[[AsyncEvaluationOrder]]'];
    if (order !== undefined) parts.push('order ' + order);
    const pending = s['[[PendingAsyncDependencies]]'];
    if (pending) parts.push('pending ' + pending);
    if (failed) parts.push('error');
    if (waiting && status !== undefined) parts.push('deferred');
    n.info2.textContent = parts.join(' \u00b7 ');
  }
  // The modules an event touches, by role.
  function rolesOf(event) {
    const roles = new Map(); // drawn node -> class
    const add = (m, cls) => {
      const node = view.nodeOf[m];
      if (node !== undefined && !roles.has(node)) roles.set(node, cls);
    };
    // A deferred namespace's access that starts EvaluateModuleSync.
    if (event.a === 'GetModuleExportsList' && event.m !== undefined) add(event.m, 'triggered');
    if (event.m !== undefined) add(event.m, 'current');
    for (const [, v] of event.v || []) {
      if (v && typeof v === 'object' && 'ms' in v) v.ms.forEach((m) => add(m, 'group'));
    }
    for (const [m] of event.w || []) add(m, 'written');
    for (const [, v] of event.v || []) {
      if (v && typeof v === 'object' && 'm' in v) add(v.m, 'related');
    }
    if (!event.a && event.t) {
      // A text line of an unknown kind: the modules it names.
      for (const word of event.t.split(/[\s,:[\]()]+/)) {
        for (const m of byBaseName.get(word) || []) add(m, 'related');
      }
    }
    return roles;
  }
  const byBaseName = new Map();
  modules.forEach((mod, m) => {
    const base = mod.path.split('/').pop();
    if (!byBaseName.has(base)) byBaseName.set(base, []);
    byBaseName.get(base).push(m);
  });
  function relatedEdges(event) {
    const out = [];
    if (event.m === undefined) return out;
    const from = view.nodeOf[event.m];
    if (event.a === 'GetModuleExportsList' || event.a === 'EvaluateModuleSync') out.push(...(deferEdgesInto.get(from) || []));
    for (const [, v] of event.v || []) {
      if (v && typeof v === 'object' && 'm' in v) {
        const to = view.nodeOf[v.m];
        const e = edgeIndex.get(from + '>' + to) || edgeIndex.get(to + '>' + from);
        if (e) out.push(e);
      }
    }
    return out;
  }

  // ---- the side panel ----
  let shownAlgorithm = null;
  function renderSpec(event) {
    const box = $('spec');
    if (!event || !event.a) {
      shownAlgorithm = null;
      box.innerHTML = event ? '<p class="intro">This step has no algorithm name: it is a line of the text trace.</p>' : '';
      return;
    }
    const algorithm = spec[event.a];
    if (shownAlgorithm !== event.a) {
      shownAlgorithm = event.a;
      if (!algorithm) {
        box.innerHTML = `<h2>${escapeHtml(event.a)}</h2><p class="intro">The page's table of spec text has no clause for ${escapeHtml(event.a)}.</p>`;
      } else {
        const items = algorithm.steps.map(([path, depth, text]) => {
          const label = path.split('.').pop();
          return `<li data-path="${escapeHtml(path)}" style="padding-left:${4 + depth * 18}px"><span class="label">${escapeHtml(label)}.</span>${specInline(text)}</li>`;
        }).join('');
        box.innerHTML = `<h2>${/^\d/.test(algorithm.heading) ? '\u00a7' : ''}${specInline(algorithm.heading)}</h2><p class="intro">${specInline(algorithm.intro)} <code>${escapeHtml(algorithm.id)}</code></p><ol class="steps">${items}</ol>`;
      }
    }
    if (!algorithm) return;
    const lis = Array.from(box.querySelectorAll('.steps li'));
    const hits = stepIndices(algorithm.steps, event.s || '');
    let firstHit = null;
    lis.forEach((li, i) => {
      const hit = hits.has(i);
      li.classList.toggle('hit', hit);
      if (hit && !firstHit) firstHit = li;
    });
    if (firstHit) {
      const list = box.querySelector('.steps');
      const top = firstHit.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - 40) list.scrollTop = Math.max(0, top - 60);
    }
  }
  // The steps an event's `s` names: "9.c.iii.1", "4-8", "1.a.v-vi", comma-separated;
  // a step includes its sub-steps.
  function stepIndices(steps, s) {
    const out = new Set();
    const paths = steps.map((x) => x[0]);
    const subtreeEnd = (i) => {
      const p = paths[i];
      let j = i;
      while (j + 1 < paths.length && paths[j + 1].startsWith(p + '.')) j++;
      return j;
    };
    for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
      const range = part.match(/^(.*?)([0-9a-z]+)-([0-9a-z]+)$/);
      let from = part;
      let to = part;
      if (range) {
        from = range[1] + range[2];
        to = range[1] + range[3];
      }
      const start = paths.indexOf(from);
      const last = paths.indexOf(to);
      if (start < 0 || last < 0) continue;
      for (let i = start; i <= subtreeEnd(last); i++) out.add(i);
    }
    return out;
  }
  function renderEvent(k) {
    const box = $('event');
    if (k === 0) {
      box.innerHTML = `<h2>Before the run</h2><p class="intro">${modules.length} modules were loaded in this run; a dashed node is one that does not exist yet. Press play, or step with the arrows.</p>`;
      renderSpec(null);
      return;
    }
    const event = events[k - 1];
    let html = `<h2>${escapeHtml(event.a || 'trace')}${event.s ? ' step ' + escapeHtml(event.s) : ''}</h2>`;
    if (event.m !== undefined) html += `<div>on <b>${escapeHtml(moduleName(event.m))}</b></div>`;
    if (event.t) html += `<div class="trace-line">${escapeHtml(event.t)}</div>`;
    const rows = [];
    for (const [m, field, value] of event.w || []) {
      rows.push(`<tr class="write"><td>${escapeHtml(moduleName(m))}.${escapeHtml(field)}</td><td>\u2190 ${showValue(value)}</td></tr>`);
    }
    for (const [name, value] of event.v || []) {
      const cls = /error/i.test(name) ? ' class="err"' : '';
      rows.push(`<tr${cls}><td>${escapeHtml(name)}</td><td>${showValue(value)}</td></tr>`);
    }
    if (rows.length) html += `<table class="fields">${rows.join('')}</table>`;
    box.innerHTML = html;
    renderSpec(event);
  }
  let recordShown = null;
  function showRecord(m) {
    recordShown = m;
    renderRecord();
  }
  function renderRecord() {
    const box = $('record');
    if (recordShown === null) {
      box.innerHTML = '<p class="intro">Click a module to see its record fields at this step.</p>';
      return;
    }
    const mod = modules[recordShown];
    const s = state[recordShown];
    const rows = Object.keys(s).map((f) => `<tr><td>${escapeHtml(f)}</td><td>${showValue(s[f])}</td></tr>`);
    const requests = mod.requests.map(([spec_, t, phase]) => `<tr><td>import${phase && phase !== 'evaluation' ? ' ' + escapeHtml(phase) : ''}</td><td>${escapeHtml(spec_)} \u2192 ${t === null ? '<i>not loaded</i>' : escapeHtml(moduleName(t))}</td></tr>`);
    box.innerHTML = `<h3>${escapeHtml(mod.path)}</h3><table class="fields">${rows.join('')}${requests.join('')}<tr><td>[[HasTLA]]</td><td>${mod.hasTLA}</td></tr></table>`;
  }
  function renderOrders(k) {
    // The order modules ran in and the [[AsyncEvaluationOrder]]s given so far.
    const ran = [];
    const notified = [];
    const triggered = [];
    for (let i = 0; i < k; i++) {
      const e = events[i];
      if (e.a === 'GetModuleExportsList') {
        const v = new Map(e.v || []);
        triggered.push(escapeHtml(moduleName(e.m)) + ' by ' + escapeHtml(v.get('internal method') || '') + (v.has('P') ? ' ' + escapeHtml(v.get('P')) : '') + ' (step ' + (i + 1) + ')');
      }
      if (e.a === 'ExecuteModule') ran.push(escapeHtml(moduleName(e.m)) + (e.s === '10' ? ' (async)' : ''));
      if (e.a === 'GatherAvailableAncestors') {
        const parent = (e.v || []).find(([n]) => n === 'm');
        if (parent) notified.push(escapeHtml(moduleName(e.m)) + ' \u2192 ' + showValue(parent[1]));
      }
    }
    const ordered = [];
    state.forEach((s, m) => {
      const o = s['[[AsyncEvaluationOrder]]'];
      if (typeof o === 'number') ordered.push([o, m]);
    });
    ordered.sort((a, b) => a[0] - b[0]);
    const list = (items) => items.length ? `<ol class="order">${items.map((x) => `<li>${x}</li>`).join('')}</ol>` : '<p class="intro">none yet</p>';
    $('orders').innerHTML = '<h3>Modules executed, in order</h3>' + list(ran.slice(-40)) +
      '<h3>Async parents notified (GatherAvailableAncestors)</h3>' + list(notified.slice(-40)) +
      (deferredTarget.size ? '<h3>Deferred modules evaluated on first use (GetModuleExportsList)</h3>' + list(triggered.slice(-40)) : '') +
      '<h3>Pending [[AsyncEvaluationOrder]]</h3>' + list(ordered.slice(0, 40).map(([o, m]) => o + ': ' + escapeHtml(moduleName(m))));
  }

  // ---- moving through the events ----
  let position = 0;
  function show(k) {
    k = Math.max(0, Math.min(events.length, k));
    position = k;
    advanceTo(k);
    const event = k > 0 ? events[k - 1] : null;
    const roles = event ? rolesOf(event) : new Map();
    for (const i of highlighted) dirty.add(i);
    for (const i of roles.keys()) dirty.add(i);
    for (const i of dirty) paintNode(i, roles.get(i));
    dirty.clear();
    highlighted = new Set(roles.keys());
    hotEdges.forEach((e) => e.classList.remove('hot'));
    hotEdges = event ? relatedEdges(event) : [];
    hotEdges.forEach((e) => e.classList.add('hot'));
    $('slider').value = k;
    $('counter').textContent = `step ${k} of ${events.length}`;
    renderEvent(k);
    renderRecord();
    renderOrders(k);
    if ($('follow').checked && event && event.m !== undefined) follow(view.nodeOf[event.m]);
    document.body.setAttribute('data-step', k);
    publishView();
  }
  // For tests and tools: where the graph's coordinates fall in the window
  // (the SVG's screen CTM, "a b c d e f", on the svg element) and the
  // window's size (on the body).
  function publishView() {
    const m = viewport.getScreenCTM();
    if (m) svg.setAttribute('data-screen-ctm', [m.a, m.b, m.c, m.d, m.e, m.f].join(' '));
    document.body.setAttribute('data-viewport', innerWidth + 'x' + innerHeight);
  }
  window.addEventListener('resize', publishView);
  let timer = null;
  function play() {
    if (timer) {
      clearInterval(timer);
      timer = null;
      $('play').textContent = 'play';
      return;
    }
    if (position >= events.length) show(0);
    $('play').textContent = 'pause';
    timer = setInterval(() => {
      if (position >= events.length) play();
      else show(position + 1);
    }, Number($('speed').value));
  }
  $('speed').addEventListener('change', () => { if (timer) { play(); play(); } });
  $('play').addEventListener('click', play);
  $('first').addEventListener('click', () => show(0));
  $('prev').addEventListener('click', () => show(position - 1));
  $('next').addEventListener('click', () => show(position + 1));
  $('last').addEventListener('click', () => show(events.length));
  $('slider').max = events.length;
  $('slider').addEventListener('input', () => show(Number($('slider').value)));
  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' && e.target.type !== 'range') return;
    if (e.key === 'ArrowRight') { show(position + 1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft') { show(position - 1); e.preventDefault(); }
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(events.length);
    else if (e.key === ' ') { play(); e.preventDefault(); }
  });
  // Jumps to the first step of each algorithm that starts a phase.
  [['loading', 'InnerModuleLoading'], ['linking', 'InnerModuleLinking'], ['evaluation', 'InnerModuleEvaluation'],
    ['async', 'AsyncModuleExecutionFulfilled'], ['deferred', 'GetModuleExportsList']].forEach(([label, algorithm]) => {
    const k = events.findIndex((e) => e.a === algorithm);
    if (k < 0) return;
    const b = document.createElement('button');
    b.textContent = label;
    b.title = 'the first step of ' + algorithm;
    b.addEventListener('click', () => show(k + 1));
    $('jumps').appendChild(b);
  });

  // ---- zoom and pan ----
  const box = { x: 0, y: 0, w: Math.max(view.width, 400), h: Math.max(view.height, 300) };
  function setBox() {
    svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
    publishView();
  }
  function fit() {
    box.x = -20;
    box.y = -20;
    box.w = Math.max(view.width, 300) + 40;
    box.h = Math.max(view.height, 200) + 40;
    const r = svg.getBoundingClientRect();
    // A graph much larger than the window starts at a readable scale.
    if (r.width > 0 && Math.max(box.w / r.width, box.h / r.height) > 4) {
      box.w = r.width * 1.5;
      box.h = r.height * 1.5;
      const top = view.nodes[view.nodeOf[0]] || { x: 0, y: 0 };
      box.x = top.x - box.w / 2;
      box.y = -20;
    } else if (r.width > 0) {
      // Keep the window's aspect ratio, so the graph is centred; never
      // larger than its natural size.
      const scale = Math.max(1, box.w / r.width, box.h / r.height);
      const w = r.width * scale;
      const h = r.height * scale;
      box.x -= (w - box.w) / 2;
      box.y -= (h - box.h) / 2;
      box.w = w;
      box.h = h;
    }
    setBox();
  }
  function follow(node) {
    const n = view.nodes[node];
    if (!n) return;
    const margin = Math.min(box.w, box.h) * 0.1;
    if (n.x < box.x + margin || n.x > box.x + box.w - margin || n.y < box.y + margin || n.y > box.y + box.h - margin) {
      box.x = n.x - box.w / 2;
      box.y = n.y - box.h / 2;
      setBox();
    }
  }
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width;
    const fy = (e.clientY - r.top) / r.height;
    const factor = Math.exp(e.deltaY * 0.0015);
    const px = box.x + fx * box.w;
    const py = box.y + fy * box.h;
    box.w *= factor;
    box.h *= factor;
    box.x = px - fx * box.w;
    box.y = py - fy * box.h;
    setBox();
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY, bx: box.x, by: box.y };
    svg.classList.add('dragging');
  });
  window.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    box.x = drag.bx - (e.clientX - drag.x) * box.w / r.width;
    box.y = drag.by - (e.clientY - drag.y) * box.h / r.height;
    setBox();
  });
  window.addEventListener('pointerup', () => { drag = null; svg.classList.remove('dragging'); });
  $('fit').addEventListener('click', fit);

  // ---- header, legend, start ----
  $('title').textContent = data.title;
  const loaded = modules.length;
  const errors = modules.filter((m) => m.error).length;
  $('summary').textContent = `${loaded} modules, ${view.edges.length} drawn edges, ${events.length} trace events; exit status ${data.exitStatus}` +
    (errors ? `; ${errors} modules have an [[EvaluationError]]` : '');
  if (view.condensed) {
    const notice = $('notice');
    notice.hidden = false;
    notice.textContent = `This graph has ${loaded} modules, more than the ${view.maxNodes} the page draws one by one: it shows the graph of its ${view.nodes.length} strongly connected components instead. Each node is one component (its first module's name, +N more members) and shows the record of the member written last.`;
  }
  $('legend').innerHTML = '<h3>[[Status]]</h3>' + Object.keys(STATUS_COLOURS).map((s) =>
    `<span class="legend-item"><span class="swatch" style="background:${STATUS_COLOURS[s]}"></span>${s}</span>`).join('') +
    '<span class="legend-item"><span class="swatch" style="background:var(--error)"></span>[[EvaluationError]] set</span>' +
    '<p class="intro">Outlines: black, the module the step runs on; blue, records the step wrote; orange, a component popped off the stack or a list the step built; purple, a module the step looked at; teal dashes, a module imported with <code>import defer</code> that has not run yet; thick teal, a deferred namespace access that evaluates its module now. Arrows: dashed brown, closing a cycle; long teal dashes, <code>import defer</code>; grey dots, <code>import source</code>. Node text: DFS [[DFSIndex]]/[[DFSAncestorIndex]], [[AsyncEvaluationOrder]], [[PendingAsyncDependencies]].</p>';
  $('copyright').textContent = data.copyright;
  reset();
  setBox();
  fit();
  // `page.html#step=N` opens at step N.
  const start = /step=(\d+)/.exec(location.hash);
  show(start ? Number(start[1]) : 0);
})();
