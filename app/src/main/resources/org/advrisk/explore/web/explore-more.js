/* advrisk explore: claim (iii) (the NTK's deterministic equivalent at the page's point) and a run's figures
   (explore --run DIR). Plain JS; reads the main page's state through window.explore. */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const fmt = (x) => {
    if (x === null || x === undefined || !isFinite(x)) return '—';
    if (x === 0) return '0';
    const a = Math.abs(x);
    return (a >= 1e4 || a < 1e-3) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
  };
  const shq = (s) => (/^[A-Za-z0-9_.,:=^\/+-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'");
  const ntk = { view: null, params: null, charts: {}, seq: 0, de: [], sim: null, simKey: null, simTimer: null };
  const run = { data: null, charts: {}, seq: 0 };
  const axis = (name, log, extra) => Object.assign({ type: log ? 'log' : 'value', name, nameLocation: 'middle',
    nameGap: 28, axisLabel: { formatter: fmt }, splitLine: { show: true, lineStyle: { color: '#eee' } } }, extra || {});
  const base = () => ({ animation: false, grid: { left: 62, right: 18, top: 44, bottom: 44 },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}<br>${(p.value || []).slice(0, 2).map(fmt).join(', ')}` } });

  // ---- claim (iii): the NTK panel ----
  function ntkParams() {
    const p = window.explore.state.params;
    return { spectrum: p.spectrum, theta: p.theta, n: p.n, d: $('ntk-d').value.trim(), sigma: p.sigma, noise: p.noise,
      seed: p.seed, lambda: p.lambda, alpha: p.alpha, attack: p.attack };
  }

  function ntkCommand(q) {
    const args = [['n', q.n], ['d', q.d], ['spectrum', q.spectrum], ['theta', q.theta], ['sigma', q.sigma],
      ['noise', q.noise], ['seed', q.seed], ['width', 'inf'], ['lambda', q.lambda], ['alpha', q.alpha],
      ['attack', q.attack], ['test-size', '200'], ['theory', true], ['format', 'csv']];
    return ['advrisk', 'ntk'].concat(args.map(([k, v]) => (v === true ? `--${k}` : `--${k} ${shq(String(v))}`))).join(' ');
  }

  async function ntkUpdate() {
    if (!window.explore || !window.explore.state.params) return;
    const q = ntkParams();
    const seq = ++ntk.seq;
    const res = await fetch('api/ntk?' + new URLSearchParams(q).toString());
    const body = await res.json();
    if (seq !== ntk.seq) return;
    if (!res.ok) {
      $('note-ntk').textContent = 'NTK: ' + body.message;
      $('ntk-d').classList.toggle('invalid', body.field === 'd');
      return;
    }
    $('ntk-d').classList.remove('invalid');
    ntk.view = body; ntk.params = q;
    const L = body.by_lambda.filter((r) => r.lambda > 0);
    const pt = body.point;
    const ser = (rows, x, k) => rows.map((r) => [r[x], r[k]]).filter((v) => v[0] > 0 && v[1] > 0);
    const sl = [
      { name: 'R (DE)', type: 'line', showSymbol: false, color: '#1f77b4', data: ser(L, 'lambda', 'de_std_risk') },
      { name: 'R_α (DE)', type: 'line', showSymbol: false, color: '#d62728', data: ser(L, 'lambda', 'de_adv_risk') },
      { name: 'E‖∇f̂‖² (DE)', type: 'line', showSymbol: false, color: '#2ca02c',
        data: L.map((r) => [r.lambda, r.de_norm_l2 * r.de_norm_l2]).filter((v) => v[1] > 0) },
    ];
    if (pt.lambda > 0) {
      sl.push({ name: 'chosen λ', type: 'scatter', symbolSize: 9, color: '#000',
        data: [[pt.lambda, pt.de_std_risk], [pt.lambda, pt.de_adv_risk]] });
    }
    ntk.de = sl;
    drawNtkLambda();
    const N = body.by_n;
    ntk.charts.n.setOption(Object.assign(base(), { xAxis: axis('n', true), yAxis: axis('at the chosen λ', true), series: [
      { name: 'R (DE)', type: 'line', color: '#1f77b4', data: ser(N, 'n', 'de_std_risk') },
      { name: 'R_α (DE)', type: 'line', color: '#d62728', data: ser(N, 'n', 'de_adv_risk') },
      { name: 'E‖∇f̂‖² (DE)', type: 'line', color: '#2ca02c', data: N.map((r) => [r.n, r.de_norm_l2 * r.de_norm_l2]) },
    ] }), { notMerge: true });
    $('note-ntk').textContent = `K1 kernel ridge (first layer trained, infinite width) at n = ${body.n}, d = ${body.d}, `
      + `λ = ${fmt(pt.lambda)} (λ_eff = ${fmt(pt.lambda_eff)}): R = ${fmt(pt.de_std_risk)}, `
      + `R_α = ${fmt(pt.de_adv_risk)} (${body.attack}, α = ${fmt(body.alpha)}), ‖∇f̂‖ = ${fmt(pt.de_norm_l2)} — `
      + 'the de_* columns of the command below; its other columns simulate the kernel.';
    $('command-ntk').textContent = ntkCommand(q);
  }

  // ---- kernel simulations on demand (POST /api/simulate-ntk; polled and cancelled like the linear ones) ----
  const pointKey = (q) => JSON.stringify([q.spectrum, q.theta, q.n, q.d, q.sigma, q.noise, q.seed, q.alpha, q.attack]);

  function simParams() {
    return Object.assign({}, ntk.params, { lambda: $('ntk-sim-lambda').value.trim(), trials: $('ntk-sim-trials').value.trim(),
      'test-size': $('ntk-sim-test').value.trim() });
  }

  function ntkSimCommand(q) {
    const args = [['n', q.n], ['d', q.d], ['spectrum', q.spectrum], ['theta', q.theta], ['sigma', q.sigma],
      ['noise', q.noise], ['seed', q.seed], ['width', 'inf'], ['lambda', q.lambda], ['alpha', q.alpha],
      ['attack', q.attack], ['test-size', q['test-size']], ['trials', q.trials], ['theory', true], ['format', 'csv']];
    return ['advrisk', 'ntk'].concat(args.map(([k, v]) => (v === true ? `--${k}` : `--${k} ${shq(String(v))}`))).join(' ');
  }

  /** The simulated means ± 1 SE (error bars) as scatter series, when the simulation is at the panel's point. */
  function simSeries() {
    const s = ntk.sim; const r = s && s.result;
    if (!r || !r.trials || !ntk.params || ntk.simKey !== pointKey(ntk.params)) return [];
    const out = [];
    const add = (name, color, key) => {
      const m = r[key + '_mean']; const e = r[key + '_se'];
      const pts = r.lambda.map((l, i) => [l, m[i], e[i]]).filter((p) => p[0] > 0 && p[1] > 0);
      out.push({ name, type: 'scatter', symbol: 'diamond', symbolSize: 9, color, z: 5, data: pts.map((p) => [p[0], p[1]]) });
      out.push({ name: name + ' ±1 SE', type: 'custom', silent: true, color, z: 5,
        data: pts.filter((p) => p[2] !== null).map((p) => [p[0], Math.max(p[1] - p[2], p[1] * 1e-3), p[1] + p[2]]),
        renderItem: (params, api) => {
          const a = api.coord([api.value(0), api.value(1)]); const b = api.coord([api.value(0), api.value(2)]);
          return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: color, lineWidth: 1.5 } };
        } });
    };
    add('R (simulated)', '#1f77b4', 'std_risk');
    add('R_α (simulated)', '#d62728', 'adv_risk');
    add('E‖∇f̂‖² (simulated)', '#2ca02c', 'norm_sq');
    return out;
  }

  function drawNtkLambda() {
    ntk.charts.lambda.setOption(Object.assign(base(), { xAxis: axis('kernel ridge λ', true), yAxis: axis('risk', true),
      series: ntk.de.concat(simSeries()) }), { notMerge: true });
  }

  async function ntkSimulate() {
    if (!ntk.params) return;
    const q = simParams();
    $('command-ntk-sim').textContent = ntkSimCommand(q);
    const res = await fetch('api/simulate-ntk', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(q) });
    const body = await res.json();
    if (!res.ok) { $('ntk-sim-status').textContent = 'refused: ' + body.message; return; }
    ntk.sim = body; ntk.simKey = pointKey(q);
    $('ntk-cancel').disabled = false;
    ntkPoll(body.id);
  }

  function ntkPoll(id) {
    clearTimeout(ntk.simTimer);
    ntk.simTimer = setTimeout(async () => {
      const res = await fetch('api/simulate/' + encodeURIComponent(id));
      const body = await res.json();
      if (!res.ok) { $('ntk-sim-status').textContent = body.message; $('ntk-cancel').disabled = true; return; }
      ntkSimShow(body);
      if (body.state === 'queued' || body.state === 'running') ntkPoll(id);
      else $('ntk-cancel').disabled = true;
    }, 300);
  }

  async function ntkCancel() {
    if (!ntk.sim) return;
    const res = await fetch('api/simulate/' + encodeURIComponent(ntk.sim.id), { method: 'DELETE' });
    ntkSimShow(await res.json());
  }

  function ntkSimShow(s) {
    ntk.sim = s;
    const r = s.result || {};
    let zero = '';
    const i0 = (r.lambda || []).indexOf(0);
    if (i0 >= 0 && r.trials) zero = ` At λ = 0: R = ${fmt(r.std_risk_mean[i0])}, R_α = ${fmt(r.adv_risk_mean[i0])}.`;
    $('ntk-sim-status').textContent = `kernel simulation ${s.state}: ${s.done}/${s.trials} training sets, `
      + `${fmt(s.elapsed_ms / 1000)} s` + (s.message ? ' — ' + s.message : '') + '.' + zero;
    drawNtkLambda();
  }

  // ---- a run's figures (explore --run DIR) ----
  function dash(stroke) { return stroke === 'dashed' ? 'dashed' : stroke === 'dotted' ? 'dotted' : 'solid'; }
  const SYMBOL = { circle: 'circle', square: 'rect', diamond: 'diamond', none: 'none' };

  /** The ECharts option of one figure: its series as the report draws them (role, style, colour, stroke). */
  function figureOption(f) {
    const logX = f.x.scale === 'log'; const logY = f.y.scale === 'log';
    const ok = (x, y) => x !== null && y !== null && (!logX || x > 0) && (!logY || y > 0);
    const series = [];
    for (const s of f.series) {
      const data = s.x.map((x, i) => [x, s.y[i]]).filter((p) => ok(p[0], p[1]));
      if (!data.length) continue;
      const o = { name: s.name, color: s.color, data, z: s.role === 'data' ? 4 : 2 };
      if (s.style === 'points' || s.style === 'markers') {
        Object.assign(o, { type: 'scatter', symbol: SYMBOL[s.marker] || 'circle', symbolSize: 8 });
      } else {
        Object.assign(o, { type: 'line', showSymbol: s.style === 'line_markers', symbol: SYMBOL[s.marker] || 'circle',
          lineStyle: { type: dash(s.stroke), width: 2 } });
      }
      series.push(o);
      if (s.style === 'points' && s.errors) {
        const bars = s.x.map((x, i) => [x, s.y[i] - (s.errors[i] || 0), s.y[i] + (s.errors[i] || 0)])
          .filter((p) => ok(p[0], p[2]) && p[1] !== null).map((p) => [p[0], logY ? Math.max(p[1], p[2] * 1e-3) : p[1], p[2]]);
        series.push({ name: s.name + ' ±1 SE', type: 'custom', silent: true, color: s.color, data: bars,
          renderItem: (params, api) => {
            const a = api.coord([api.value(0), api.value(1)]); const b = api.coord([api.value(0), api.value(2)]);
            return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: s.color, lineWidth: 1.5 } };
          } });
      }
    }
    // the title is the figure's caption text above the chart (page text), not drawn again inside it
    return Object.assign(base(), { grid: { left: 70, right: 18, top: 40, bottom: 48 }, xAxis: axis(f.x.title, logX),
      yAxis: axis(f.y.title, logY, { nameGap: 48, nameTextStyle: { fontSize: 11 } }), series });
  }

  async function runFigures() {
    const has = await (await fetch('api/run')).json();
    if (!has.run) return; // started without --run or --runs
    const pick = $('run-select');
    pick.innerHTML = '';
    for (const name of has.runs) {
      const o = document.createElement('option'); o.value = name; o.textContent = name; pick.append(o);
    }
    $('run-picker').hidden = has.runs.length < 2;
    await showRun(has.runs[0]);
  }

  /** Draws the figures and verdicts of one listed run (GET /api/figures?run=NAME). */
  async function showRun(name) {
    const seq = ++run.seq;
    const res = await fetch('api/figures?run=' + encodeURIComponent(name));
    const body = await res.json();
    if (seq !== run.seq) return; // another run was picked meanwhile
    if (!res.ok) { $('run-name').textContent = name + ': ' + body.message; return; }
    for (const c of Object.values(run.charts)) c.dispose();
    run.charts = {};
    run.data = body;
    $('run-figures').hidden = false;
    $('run-name').textContent = body.run;
    $('run-select').value = name;
    const vs = body.verdicts || [];
    $('run-verdicts').innerHTML = '';
    for (const v of vs) {
      const p = document.createElement('p');
      p.className = 'verdict-line';
      const b = document.createElement('b');
      b.className = 'badge ' + v.css; b.textContent = v.decision;
      p.append(b, ' ' + v.claim + ' [' + v.setting + ']: ' + v.statistics);
      $('run-verdicts').append(p);
    }
    const holder = $('run-charts');
    holder.innerHTML = '';
    for (const f of body.figures) {
      const fig = document.createElement('figure');
      fig.className = 'panel'; fig.id = 'run-' + f.id;
      const cap = document.createElement('figcaption'); cap.textContent = f.title;
      const div = document.createElement('div'); div.className = 'chart';
      const note = document.createElement('p'); note.className = 'note'; note.textContent = f.caption;
      fig.append(cap, div, note); holder.append(fig);
      run.charts[f.id] = echarts.init(div, null, { renderer: 'canvas' });
      run.charts[f.id].setOption(figureOption(f));
    }
  }

  function init() {
    ntk.charts.lambda = echarts.init($('chart-ntk-lambda'), null, { renderer: 'canvas' });
    ntk.charts.n = echarts.init($('chart-ntk-n'), null, { renderer: 'canvas' });
    let timer = null;
    const later = () => { clearTimeout(timer); timer = setTimeout(ntkUpdate, 60); };
    new MutationObserver(later).observe($('command-theory'), { childList: true, characterData: true, subtree: true });
    $('ntk-d').addEventListener('change', later);
    $('ntk-simulate').addEventListener('click', ntkSimulate);
    $('ntk-cancel').addEventListener('click', ntkCancel);
    later();
    $('run-select').addEventListener('change', () => showRun($('run-select').value));
    runFigures();
  }

  window.exploreMore = { ntk, run, ntkUpdate, runFigures, showRun, figureOption, ntkSimulate };
  init();
}());
