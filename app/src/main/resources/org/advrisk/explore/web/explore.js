/* advrisk explore: the page. Plain JS, no build step; ECharts comes from the server's WebJar. */
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const val = (id) => $(id).value.trim();
  const charts = {};
  const options = {};
  const drawn = {};
  const state = { seq: 0, controller: null, view: null, params: null, sim: null, simTimer: null,
    stats: { fetch_ms: null, render_ms: null, total_ms: null, updates: 0 } };

  // Which inputs make up each API parameter (to mark the one a 400 names).
  const INPUTS = {
    spectrum: ['family', 'tl-spikes', 'tl-spike', 'tl-tail', 'pl-a', 'pl-b', 'ge-r'],
    theta: ['theta-kind', 'theta-k', 'theta-norm'],
    n: ['n'], p: ['p'], sigma: ['sigma'], lambda: ['lambda'], alpha: ['alpha'], attack: ['attack'],
    target: ['target'], 'tradeoff-lambda': ['tradeoff-lambda'], 'n-grid': ['n-grid'], b: ['b'],
    truncation: ['truncation'], trials: ['trials'], seed: ['seed'], design: ['design'], noise: ['noise'],
    time: ['sim-time'], estimator: ['sim-time'], 'attack-scale': ['attack-scale'], 'label-preserving': ['label-preserving'],
  };

  function fmt(x) {
    if (x === null || x === undefined || !isFinite(x)) return '—';
    if (x === 0) return '0';
    const a = Math.abs(x);
    return (a >= 1e4 || a < 1e-3) ? x.toExponential(2) : String(Number(x.toPrecision(3)));
  }

  function spectrumText() {
    switch (val('family')) {
      case 'twolevel': return `twolevel:spikes=${val('tl-spikes')},spike=${val('tl-spike')},tail=${val('tl-tail')}`;
      case 'powerlaw': return `powerlaw:a=${val('pl-a')},b=${val('pl-b')}`;
      case 'geometric': return `geometric:r=${val('ge-r')}`;
      default: return 'isotropic';
    }
  }

  function thetaText() {
    return `${val('theta-kind')}:k=${val('theta-k')},norm=${val('theta-norm')}`;
  }

  /** The parameters of GET /api/theory, named as advrisk theory's flags. */
  function theoryParams() {
    const q = {
      spectrum: spectrumText(), theta: thetaText(), p: val('p'), n: val('n'), sigma: val('sigma'),
      noise: val('noise'), seed: val('seed'), lambda: val('lambda'), alpha: val('alpha'), attack: val('attack'),
      target: val('target'), 'tradeoff-lambda': val('tradeoff-lambda'), b: val('b'), truncation: val('truncation'),
    };
    if (val('n-grid') !== '') q['n-grid'] = val('n-grid');
    return withThreat(q);
  }

  /** Who the attacker is (issue 22): attack-scale G and label-preserving, sent only when not the default ball. */
  function withThreat(q) {
    if (val('attack-scale') !== '' && val('attack-scale') !== '0') q['attack-scale'] = val('attack-scale');
    if ($('label-preserving').checked) q['label-preserving'] = 'true';
    return q;
  }
  function threatArgs(q) {
    return (q['attack-scale'] ? [['attack-scale', q['attack-scale']]] : [])
      .concat(q['label-preserving'] ? [['label-preserving', true]] : []);
  }

  /** The parameters of POST /api/simulate, named as advrisk linear's flags. */
  function simParams() {
    const q = {
      spectrum: spectrumText(), theta: thetaText(), p: val('p'), n: val('n'), sigma: val('sigma'),
      noise: val('noise'), design: val('design'), seed: val('seed'), lambda: val('sim-lambda'),
      alpha: val('alpha'), attack: val('attack'), target: val('target'), trials: val('trials'),
    };
    if (val('sim-time') !== '') { q.estimator = 'ridge,gf'; q.time = val('sim-time'); }
    return withThreat(q);
  }

  function showFamily() {
    const f = val('family');
    document.querySelectorAll('.fam').forEach((d) => { d.hidden = d.dataset.family !== f; });
    $('spectrum-text').textContent = spectrumText();
  }

  // ---- sliders <-> text inputs ----
  function syncSlidersFromText() {
    const n = Number(val('n'));
    if (n >= 1) $('n-slider').value = Math.log10(n);
    const s = Number(val('sigma'));
    if (s >= 0) $('sigma-slider').value = s;
    const a = Number(val('alpha'));
    if (a > 0) $('alpha-slider').value = Math.log10(a);
    const g = Number(val('attack-scale'));
    if (g >= 0 && g <= 2) $('attack-scale-slider').value = g;
    const l = Number(val('lambda'));
    if (l === 0) $('lambda-slider').value = $('lambda-slider').min;
    else if (l > 0) $('lambda-slider').value = Math.log10(l);
  }

  function round3(x) { return Number(x.toPrecision(3)); }

  function onSlider(e) {
    const id = e.target.id;
    const v = Number(e.target.value);
    if (id === 'n-slider') $('n').value = String(Math.round(Math.pow(10, v)));
    if (id === 'sigma-slider') $('sigma').value = String(v);
    if (id === 'attack-scale-slider') $('attack-scale').value = String(v);
    if (id === 'alpha-slider') $('alpha').value = String(round3(Math.pow(10, v)));
    if (id === 'lambda-slider') $('lambda').value = v <= -8.05 ? '0' : String(round3(Math.pow(10, v)));
    return update();
  }

  // ---- the URL holds the state ----
  function writeUrl() {
    const q = Object.assign({}, theoryParams(), { trials: val('trials'), 'sim-lambda': val('sim-lambda'),
      design: val('design'), 'sim-time': val('sim-time'), 'a-axis': val('a-axis') });
    history.replaceState(null, '', '?' + new URLSearchParams(q).toString());
  }

  function readUrl() {
    const q = new URLSearchParams(location.search);
    const set = (id, name) => { if (q.has(name)) $(id).value = q.get(name); };
    if (q.has('spectrum')) {
      const s = q.get('spectrum');
      const kind = s.split(':')[0];
      const args = {};
      (s.split(':')[1] || '').split(',').forEach((kv) => { const [k, v] = kv.split('='); if (k) args[k] = v; });
      $('family').value = kind;
      if (kind === 'twolevel') { $('tl-spikes').value = args.spikes; $('tl-spike').value = args.spike; $('tl-tail').value = args.tail; }
      if (kind === 'powerlaw') { $('pl-a').value = args.a ?? '1'; $('pl-b').value = args.b ?? '0'; }
      if (kind === 'geometric') { $('ge-r').value = args.r; }
    }
    if (q.has('theta')) {
      const t = q.get('theta');
      const args = {};
      (t.split(':')[1] || '').split(',').forEach((kv) => { const [k, v] = kv.split('='); if (k) args[k] = v; });
      $('theta-kind').value = t.split(':')[0];
      if (args.k) $('theta-k').value = args.k;
      if (args.norm) $('theta-norm').value = args.norm;
    }
    ['p', 'n', 'sigma', 'noise', 'seed', 'lambda', 'alpha', 'attack', 'target', 'tradeoff-lambda', 'n-grid', 'b',
      'truncation', 'trials', 'sim-lambda', 'design', 'sim-time', 'a-axis', 'attack-scale'].forEach((k) => set(k, k));
    $('label-preserving').checked = q.get('label-preserving') === 'true';
  }

  // ---- talking to the API ----
  function showError(err) {
    document.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    const box = $('error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = err.message + (err.allowed ? ` (allowed: ${err.allowed})` : '');
    box.dataset.field = err.field || '';
    (INPUTS[err.field] || []).forEach((id) => $(id).classList.add('invalid'));
  }

  async function update() {
    showFamily();
    writeUrl();
    const t0 = performance.now();
    const seq = ++state.seq;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    const params = theoryParams();
    let res;
    let body;
    try {
      res = await fetch('api/theory?' + new URLSearchParams(params).toString(), { signal: controller.signal });
      body = await res.json();
    } catch (e) {
      if (e.name === 'AbortError') return;
      showError({ field: 'request', message: 'the server did not answer: ' + e.message });
      return;
    }
    if (seq !== state.seq) return;
    const t1 = performance.now();
    if (!res.ok) { showError(body); return; }
    showError(null);
    state.view = body;
    state.params = params;
    render();
    const t2 = performance.now();
    state.stats = { fetch_ms: t1 - t0, render_ms: t2 - t1, total_ms: t2 - t0, server_ms: body.compute_ms,
      updates: state.stats.updates + 1 };
    $('timing').textContent = `theory ${fmt(body.compute_ms)} ms · answer ${Math.round(t1 - t0)} ms · draw ${Math.round(t2 - t1)} ms`;
  }

  // ---- the four panels ----
  const COLORS = { std: '#1f77b4', adv: '#d62728', norm: '#2ca02c', gt: '#555', A: '#9467bd', S: '#ff7f0e',
    oracle: '#000', gf: '#2ca02c' };
  const base = () => ({
    animation: false,
    grid: { left: 62, right: 18, top: 44, bottom: 44 },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}<br>${(p.value || []).slice(0, 2).map(fmt).join(', ')}` },
  });
  const logAxis = (name, extra) => Object.assign({ type: 'log', name, nameLocation: 'middle', nameGap: 28,
    axisLabel: { formatter: fmt }, splitLine: { show: true, lineStyle: { color: '#eee' } } }, extra || {});
  const valueAxis = (name, extra) => Object.assign({ type: 'value', name, nameLocation: 'middle', nameGap: 28,
    axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#eee' } } }, extra || {});
  const positive = (pts) => pts.filter((p) => p[0] > 0 && p[1] > 0 && isFinite(p[0]) && isFinite(p[1]));

  /** Vertical (and for panel b horizontal) error bars of ±1 standard error. */
  function errorBars(name, color, data, horizontal) {
    return {
      name, type: 'custom', z: 5, data, silent: true, clip: true,
      renderItem: (params, api) => {
        const x = api.value(0); const lo = api.value(1); const hi = api.value(2);
        const a = api.coord([x, lo]); const b = api.coord([x, hi]);
        const children = [
          { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: color, lineWidth: 1.5 } },
          { type: 'line', shape: { x1: a[0] - 4, y1: a[1], x2: a[0] + 4, y2: a[1] }, style: { stroke: color, lineWidth: 1.5 } },
          { type: 'line', shape: { x1: b[0] - 4, y1: b[1], x2: b[0] + 4, y2: b[1] }, style: { stroke: color, lineWidth: 1.5 } },
        ];
        if (horizontal) {
          const y = api.value(3); const l = api.value(4); const h = api.value(5);
          const c = api.coord([l, y]); const d = api.coord([h, y]);
          children.push({ type: 'line', shape: { x1: c[0], y1: c[1], x2: d[0], y2: d[1] }, style: { stroke: color, lineWidth: 1.5 } });
        }
        return { type: 'group', children };
      },
    };
  }

  function simPoints(key) {
    const r = state.sim && state.sim.result;
    if (!r || !r.trials) return [];
    const out = [];
    r.lambda.forEach((l, i) => {
      const m = r[key + '_mean'][i]; const se = r[key + '_se'][i] || 0;
      out.push({ lambda: l, mean: m, se, lo: Math.max(m - se, m * 0.05), hi: m + se });
    });
    return out;
  }

  /** Simulated gradient flow per finite t (mean, ±1 SE), or [] without a gf simulation. */
  function gfPoints(key) {
    const r = state.sim && state.sim.result;
    if (!r || !r.trials || !r.gf) return [];
    const g = r.gf; const out = [];
    g.time.forEach((t, i) => {
      if (t === null || !(t > 0)) return; // t = inf (the min-norm row) and t = 0 (θ = 0) have no log-axis place
      const m = g[key + '_mean'][i]; const se = g[key + '_se'][i] || 0;
      out.push({ time: t, mean: m, se, lo: Math.max(m - se, m * 0.05), hi: m + se });
    });
    return out;
  }

  /** Panel (a) against the gradient-flow time t: simulated gf (no deterministic equivalent) and ridge's DE at λ = 1/t. */
  function panelATime(v) {
    const P = v.path;
    const gs = gfPoints('std_risk'); const ga = gfPoints('adv_risk');
    const ts = gs.map((s) => s.time);
    const xmin = ts.length ? Math.min(...ts) : 0.1; const xmax = ts.length ? Math.max(...ts) : 1e4;
    const idx = P.lambda.map((l, i) => i).filter((i) => P.lambda[i] > 0 && 1 / P.lambda[i] >= xmin / 1.0001
      && 1 / P.lambda[i] <= xmax * 1.0001);
    const at = (k) => positive(idx.map((i) => [1 / P.lambda[i], P[k][i]]).sort((a, b) => a[0] - b[0]));
    const series = [
      { name: 'ridge R (DE) at λ = 1/t', type: 'line', data: at('std_risk'), showSymbol: false, color: COLORS.std,
        lineStyle: { width: 1, type: 'dashed' } },
      { name: 'ridge R_α (DE) at λ = 1/t', type: 'line', data: at('adv_risk'), showSymbol: false, color: COLORS.adv,
        lineStyle: { width: 1, type: 'dashed' } },
    ];
    if (v.gt_adv_risk > 0) {
      series.push({ name: 'R_α(θ*)', type: 'line', data: [[xmin, v.gt_adv_risk], [xmax, v.gt_adv_risk]],
        showSymbol: false, color: COLORS.gt, lineStyle: { type: 'dashed', width: 1 } });
    }
    if (gs.length) {
      series.push({ name: 'gradient flow R (simulated)', type: 'line', symbol: 'circle', symbolSize: 7, color: COLORS.std,
        lineStyle: { width: 2 }, itemStyle: { borderColor: '#000', borderWidth: 1 }, data: positive(gs.map((s) => [s.time, s.mean])) });
      series.push({ name: 'gradient flow R_α (simulated)', type: 'line', symbol: 'rect', symbolSize: 7, color: COLORS.adv,
        lineStyle: { width: 2 }, itemStyle: { borderColor: '#000', borderWidth: 1 }, data: positive(ga.map((s) => [s.time, s.mean])) });
      series.push(errorBars('±1 SE (gf R)', COLORS.std, gs.map((s) => [s.time, s.lo, s.hi])));
      series.push(errorBars('±1 SE (gf R_α)', COLORS.adv, ga.map((s) => [s.time, s.lo, s.hi])));
    }
    return Object.assign(base(), { xAxis: logAxis('t (gradient-flow time)', { min: xmin, max: xmax }),
      yAxis: logAxis('risk'), series });
  }

  function panelA(v) {
    if (val('a-axis') === 'time') return panelATime(v);
    const P = v.path; const idx = P.lambda.map((l, i) => i).filter((i) => P.lambda[i] > 0);
    const std = positive(idx.map((i) => [P.lambda[i], P.std_risk[i]]));
    const adv = positive(idx.map((i) => [P.lambda[i], P.adv_risk[i]]));
    const xs = idx.map((i) => P.lambda[i]);
    const xmin = Math.min(...xs); const xmax = Math.max(...xs);
    const c = v.chosen;
    const series = [
      { name: 'R (standard)', type: 'line', data: std, showSymbol: false, color: COLORS.std, lineStyle: { width: 2 },
        markLine: c.lambda > 0 ? { symbol: 'none', silent: true, lineStyle: { color: '#000', type: 'solid' },
          label: { formatter: 'λ = ' + fmt(c.lambda), position: 'insideEndTop' }, data: [{ xAxis: c.lambda }] } : undefined },
      { name: 'R_α (adversarial)', type: 'line', data: adv, showSymbol: false, color: COLORS.adv, lineStyle: { width: 2 } },
    ];
    if (v.gt_adv_risk > 0) {
      series.push({ name: 'R_α(θ*)', type: 'line', data: [[xmin, v.gt_adv_risk], [xmax, v.gt_adv_risk]],
        showSymbol: false, color: COLORS.gt, lineStyle: { type: 'dashed', width: 1 } });
    }
    if (c.lambda > 0) {
      series.push({ name: 'chosen λ', type: 'scatter', symbolSize: 9, color: '#000',
        data: positive([[c.lambda, c.std_risk], [c.lambda, c.adv_risk]]) });
    }
    const ss = simPoints('std_risk').filter((s) => s.lambda > 0);
    const sa = simPoints('adv_risk').filter((s) => s.lambda > 0);
    if (ss.length) {
      series.push({ name: 'simulated R', type: 'scatter', symbol: 'circle', symbolSize: 7, color: COLORS.std,
        itemStyle: { borderColor: '#000', borderWidth: 1 }, data: positive(ss.map((s) => [s.lambda, s.mean])) });
      series.push({ name: 'simulated R_α', type: 'scatter', symbol: 'rect', symbolSize: 7, color: COLORS.adv,
        itemStyle: { borderColor: '#000', borderWidth: 1 }, data: positive(sa.map((s) => [s.lambda, s.mean])) });
      series.push(errorBars('±1 SE (R)', COLORS.std, ss.map((s) => [s.lambda, s.lo, s.hi])));
      series.push(errorBars('±1 SE (R_α)', COLORS.adv, sa.map((s) => [s.lambda, s.lo, s.hi])));
    }
    return Object.assign(base(), { xAxis: logAxis('λ', { min: xmin, max: xmax }), yAxis: logAxis('risk'), series });
  }

  function panelB(v) {
    const P = v.path;
    const all = P.lambda.map((l, i) => [P.std_risk[i], P.adv_risk[i], l]).filter((p) => p[1] > 0);
    const front = P.frontier.map((i) => [P.std_risk[i], P.adv_risk[i], P.lambda[i]]);
    const c = v.chosen;
    const sims = simPoints('std_risk'); const sima = simPoints('adv_risk');
    // the axis spans the frontier and the chosen λ; simulated points beyond it are clipped
    const xmax = 1.3 * Math.max(...front.map((p) => p[0]), c.std_risk);
    const series = [
      { name: 'over λ', type: 'line', data: all, showSymbol: false, color: '#999', lineStyle: { width: 1 } },
      { name: 'Pareto frontier', type: 'scatter', data: front, symbolSize: 5, color: COLORS.adv },
      { name: 'chosen λ', type: 'scatter', data: c.adv_risk > 0 ? [[c.std_risk, c.adv_risk, c.lambda]] : [],
        symbolSize: 11, color: '#000' },
    ];
    if (v.gt_adv_risk > 0) {
      series.push({ name: 'ground truth θ*', type: 'scatter', symbol: 'diamond', symbolSize: 13, color: COLORS.gt,
        data: [[0, v.gt_adv_risk]] });
    }
    const O = v.oracle;
    if (O) {
      // the best (R, R_α) of any linear predictor knowing Σ and θ*: θ(μ), from θ* (μ = 0) to θ = 0
      const all = O.mu.map((m, i) => [O.std_risk[i], O.adv_risk[i], m, O.pareto[i]]).filter((p) => p[1] > 0 && p[0] <= xmax);
      const op = all.map((p) => p.slice(0, 3));
      series.push({ name: 'oracle path θ(μ)', type: 'line', data: op, showSymbol: false, color: COLORS.oracle,
        lineStyle: { type: 'dotted', width: 1.5 }, clip: true });
      series.push({ name: 'oracle frontier (knows Σ, θ*)', type: 'line', color: COLORS.oracle, symbol: 'diamond',
        symbolSize: 5, lineStyle: { width: 2 }, clip: true,
        data: all.filter((p) => p[3]).map((p) => p.slice(0, 3)) });
    }
    const gs = gfPoints('std_risk'); const ga = gfPoints('adv_risk');
    if (gs.length) {
      series.push({ name: 'gradient flow over t (simulated)', type: 'line', symbol: 'triangle', symbolSize: 7,
        color: COLORS.gf, clip: true, itemStyle: { borderColor: '#000', borderWidth: 1 },
        data: gs.map((s, i) => [s.mean, ga[i].mean, s.time]).filter((p) => p[1] > 0) });
    }
    if (sims.length) {
      const pts = sims.map((s, i) => [s.mean, sima[i].mean, s.lambda]).filter((p) => p[1] > 0);
      series.push({ name: 'simulated', type: 'scatter', symbol: 'rect', symbolSize: 7, color: COLORS.std, clip: true,
        itemStyle: { borderColor: '#000', borderWidth: 1 }, data: pts });
      series.push(errorBars('±1 SE', COLORS.std, sims.map((s, i) => [s.mean, sima[i].lo, sima[i].hi, sima[i].mean,
        s.mean - s.se, s.mean + s.se]).filter((p) => p[1] > 0), true));
    }
    return Object.assign(base(), {
      tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}<br>R = ${fmt(p.value[0])}, R_α = ${fmt(p.value[1])}`
        + (p.value.length > 2 ? `<br>${p.seriesName.startsWith('oracle') ? 'μ' : p.seriesName.startsWith('gradient')
          ? 't' : 'λ'} = ${fmt(p.value[2])}` : '') },
      xAxis: valueAxis('R (standard risk)', { min: 0, max: xmax }), yAxis: logAxis('R_α (adversarial risk)'), series });
  }

  function nMark(n) {
    return { symbol: 'none', silent: true, lineStyle: { color: '#000', type: 'solid' },
      label: { formatter: 'n = ' + n, position: 'insideEndTop' }, data: [{ xAxis: n }] };
  }

  function panelC(v) {
    const rows = v.by_n;
    const pts = (k) => positive(rows.map((r) => [r.n, r[k]]));
    const series = [
      { name: 'min-norm R', type: 'line', data: pts('std_risk'), color: COLORS.std, markLine: nMark(v.n) },
      { name: 'min-norm R_α', type: 'line', data: pts('adv_risk'), color: COLORS.adv },
      { name: '‖θ̂‖²', type: 'line', data: pts('norm_sq'), color: COLORS.norm },
      { name: 'R_α(θ*)', type: 'line', data: pts('gt_adv_risk'), color: COLORS.gt, showSymbol: false,
        lineStyle: { type: 'dashed', width: 1 } },
    ];
    return Object.assign(base(), { xAxis: logAxis('n'), yAxis: logAxis('min-norm (λ = 0)'), series });
  }

  function panelD(v) {
    const rows = v.by_n;
    const pts = (k) => positive(rows.map((r) => [r.n, r[k]]));
    const clear = v.tradeoff_verdict.clear_regret;
    const series = [
      { name: 'A = R_α(λ_std) / min R_α', type: 'line', data: pts('A'), color: COLORS.A, markLine: nMark(v.n) },
      { name: 'S = R(λ_adv) / min R', type: 'line', data: pts('S'), color: COLORS.S,
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#888' },
          label: { formatter: 'clear: ' + clear, position: 'insideStartTop' }, data: [{ yAxis: clear }] } },
    ];
    return Object.assign(base(), { xAxis: logAxis('n'), yAxis: logAxis('regret ratio', { min: 1 }), series });
  }

  function notes(v) {
    const c = v.chosen; const t = v.tradeoff;
    const mn = v.path.min_norm_included ? ` Min-norm (λ = 0): R = ${fmt(v.path.std_risk[0])}, R_α = ${fmt(v.path.adv_risk[0])}.` : ' λ = 0 needs p > n here.';
    $('note-a').textContent = `${v.spectrum}, n = ${v.n}. At λ = ${fmt(c.lambda)}: R = ${fmt(c.std_risk)}, `
      + `R_α = ${fmt(c.adv_risk)}, ‖θ̂‖² = ${fmt(c.norm_sq)}, κ = ${fmt(c.kappa)}, α_c = ${fmt(c.alpha_c)}.${mn}`
      + (v.empirical ? ' linf: folded-normal ‖θ̂‖₁, empirical (no proof).' : '') + (val('a-axis') === 'time' ? gfNote() : '');
    $('title-a').textContent = val('a-axis') === 'time' ? '(a) risks against t (gradient flow)' : '(a) risks against λ';
    $('note-b').textContent = `λ_std = ${fmt(t.lambda_std)} (R = ${fmt(t.std_risk_min)}, R_α = ${fmt(t.adv_risk_at_lambda_std)}); `
      + `λ_adv = ${fmt(t.lambda_adv)} (R = ${fmt(t.std_risk_at_lambda_adv)}, R_α = ${fmt(t.adv_risk_min)}); `
      + (v.gt_adv_risk > 0 ? `the ground truth pays R_α(θ*) = ${fmt(v.gt_adv_risk)}.` : 'the ground truth pays 0 here.')
      + oracleNote(v);
    const here = v.by_n.find((r) => r.n === v.n) || v.by_n[0];
    const d = v.diagnosis;
    $('diagnosis').textContent = `Benign diagnosis over n = ${v.by_n[0].n}…${v.by_n[v.by_n.length - 1].n}: `
      + `${d.verdict.toUpperCase()}: ${d.reason}. At n = ${here.n}: r₀/n = ${fmt(here.r0_over_n)}, `
      + `k*/n = ${fmt(here.k_star_over_n)}, n/R_k* = ${fmt(here.n_over_R_k_star)}.`;
    $('diagnosis').title = d.rule;
    $('verdict').textContent = `Trade-off: ${v.tradeoff_verdict.verdict}. At n = ${v.n}: A = ${fmt(t.A)}, S = ${fmt(t.S)}.`;
    $('verdict').title = v.tradeoff_verdict.rule;
    const w = $('warnings');
    w.hidden = !v.warnings.length;
    w.textContent = v.warnings.join(' · ');
  }

  /** Panel (a) against t in words: what is drawn and the simulated optima. */
  function gfNote() {
    const gs = gfPoints('std_risk'); const ga = gfPoints('adv_risk');
    if (!gs.length) return ' Gradient flow from θ = 0 has no deterministic equivalent here: set "gf times" and press'
      + ' Simulate to draw it; dashed: ridge\'s equivalent at λ = 1/t (Ali, Kolter & Tibshirani relate the two).';
    let iS = 0; let iA = 0;
    gs.forEach((s, i) => { if (s.mean < gs[iS].mean) iS = i; if (ga[i].mean < ga[iA].mean) iA = i; });
    return ` Gradient flow (simulated, finite t): min R = ${fmt(gs[iS].mean)} at t = ${fmt(gs[iS].time)}, min R_α = `
      + `${fmt(ga[iA].mean)} at t = ${fmt(ga[iA].time)}; A_t = ${fmt(ga[iS].mean / ga[iA].mean)}, `
      + `S_t = ${fmt(gs[iA].mean / gs[iS].mean)}. Dashed: ridge's deterministic equivalent at λ = 1/t.`;
  }

  /** The oracle in words: its lowest R_α and, at the chosen λ's R, the best R_α any linear predictor reaches. */
  function oracleNote(v) {
    const O = v.oracle; const c = v.chosen;
    if (!O) return '';
    let lo = 0;
    O.adv_risk.forEach((a, i) => { if (a < O.adv_risk[lo]) lo = i; });
    let best = Infinity;
    O.std_risk.forEach((r, i) => { if (r <= c.std_risk && O.adv_risk[i] < best) best = O.adv_risk[i]; });
    const alone = O.pareto.filter((p) => p).length === 1;
    return ` Oracle (knows Σ, θ*): lowest R_α = ${fmt(O.adv_risk[lo])} at R = ${fmt(O.std_risk[lo])}`
      + (alone ? ' (the ground truth itself: no θ(μ) beats it)' : '')
      + `; with R ≤ ${fmt(c.std_risk)} (the chosen λ's) it reaches R_α = ${fmt(best)}, the chosen λ ${fmt(c.adv_risk / best)}× that.`;
  }

  /** Draws a panel unless its option is the one already drawn (a λ move leaves panels c and d alone). */
  function draw(k) {
    const key = JSON.stringify(options[k]);
    if (drawn[k] === key) return;
    drawn[k] = key;
    charts[k].setOption(options[k], { notMerge: true, lazyUpdate: false });
    charts[k].getZr().flush(); // paint now, so the measured draw time includes painting
  }

  function render() {
    const v = state.view;
    options.a = panelA(v); options.b = panelB(v); options.c = panelC(v); options.d = panelD(v);
    for (const k of ['a', 'b', 'c', 'd']) draw(k);
    notes(v);
    commands();
    simTable();
  }

  // ---- back to the command line ----
  function shq(s) { return /^[A-Za-z0-9_.,:=^\/+-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }
  function cmd(name, args) {
    const parts = ['advrisk', name];
    for (const [k, v] of args) parts.push(v === true ? `--${k}` : `--${k} ${shq(String(v))}`);
    return parts.join(' ');
  }
  /** A list flag's items, grids kept whole (the one list grammar, lists.js); a bad list is left as written. */
  function listTokens(text) {
    try { return window.advriskLists.items('list', text); } catch (e) { return [text]; }
  }

  function commands() {
    const q = state.params; const v = state.view;
    const common = [['spectrum', q.spectrum], ['theta', q.theta], ['p', q.p]];
    const grid = v.by_n.map((r) => r.n).join(',');
    const view = cmd('theory', common.concat([['n-grid', grid], ['sigma', q.sigma], ['noise', q.noise], ['seed', q.seed],
      ['lambda', q.lambda], ['alpha', q.alpha], ['attack', q.attack], ['target', q.target],
      ['tradeoff-lambda', q['tradeoff-lambda']], ['b', q.b], ['truncation', q.truncation]]).concat(threatArgs(q))
      .concat([['show', 'ranks,de,tradeoff']]));
    let lam = listTokens(q['tradeoff-lambda']);
    if (!v.path.min_norm_included) lam = lam.filter((t) => window.advriskLists.isGrid(t) || Number(t) !== 0);
    const path = cmd('theory', common.concat([['n', q.n], ['sigma', q.sigma], ['noise', q.noise], ['seed', q.seed],
      ['lambda', lam.join(',')], ['alpha', q.alpha], ['attack', q.attack], ['target', q.target],
      ['truncation', q.truncation]]).concat(threatArgs(q)).concat([['show', 'de'], ['format', 'csv']]));
    const s = simParams();
    const lin = cmd('linear', common.concat([['n', s.n], ['sigma', s.sigma], ['noise', s.noise], ['design', s.design],
      ['seed', s.seed], ['lambda', s.lambda], ['alpha', s.alpha], ['attack', s.attack], ['target', s.target],
      ['trials', s.trials]].concat(threatArgs(s)).concat(s.time ? [['estimator', s.estimator], ['time', s.time]] : [])
      .concat([['format', 'csv']])));
    $('command-theory').textContent = view;
    $('command-path').textContent = path;
    $('command-linear').textContent = lin;
    $('spec-yaml').textContent = specYaml(grid);
  }

  function yamlScalar(t) { return /^-?[0-9.eE+-]+$/.test(t) ? t : JSON.stringify(t); }
  function specYaml(grid) {
    const s = simParams();
    const lam = listTokens(s.lambda).map(yamlScalar).join(', ');
    return [
      '# advrisk explore view; run with: advrisk run explore.yaml --out DIR',
      '# ' + location.href,
      'name: explore',
      `seed: ${s.seed}`,
      `trials: ${s.trials}`,
      `n: [${grid}]`,
      `p: ${JSON.stringify(s.p)}`,
      `sigma: ${s.sigma}`,
      `spectrum: ${JSON.stringify(s.spectrum)}`,
      `theta: ${JSON.stringify(s.theta)}`,
      `design: ${s.design}`,
      `noise: ${s.noise}`,
      `lambda: [${lam}]`,
      `alpha: ${s.alpha}`,
      `attack: ${s.attack}`,
      `target: ${s.target}`,
    ].concat(s['attack-scale'] ? [`attack_scale: ${s['attack-scale']}`] : [])
      .concat(s['label-preserving'] ? ['label_preserving: true'] : []).concat(s.time ? ['estimator: [ridge, gf]', `time: [${listTokens(s.time).map(yamlScalar).join(', ')}]`] : [])
      .concat(['theory: true', '']).join('\n');
  }

  function flash(msg) { $('sim-status').textContent = msg; }

  function copyText(text) {
    const fallback = () => {
      const ta = document.createElement('textarea'); ta.value = text; document.body.appendChild(ta); ta.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      ta.remove();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => flash('copied'), () => { fallback(); flash('copied'); });
    } else { fallback(); flash('copied'); }
  }

  function download(name, type, data) {
    const a = document.createElement('a');
    a.href = typeof data === 'string' && data.startsWith('data:') ? data : URL.createObjectURL(new Blob([data], { type }));
    a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }

  /** The panel as an SVG document (rendered again with ECharts' SVG renderer). */
  function svgOf(key) {
    const el = $('chart-' + key);
    const div = document.createElement('div');
    div.style.cssText = `position:absolute;left:-20000px;top:0;width:${el.clientWidth}px;height:${el.clientHeight}px`;
    document.body.appendChild(div);
    const c = echarts.init(div, null, { renderer: 'svg' });
    c.setOption(options[key]);
    let svg = div.querySelector('svg').outerHTML;
    c.dispose(); div.remove();
    if (!svg.includes('xmlns=')) svg = svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg;
  }

  function exportChart(key, type) {
    if (type === 'svg') download(`advrisk-explore-${key}.svg`, 'image/svg+xml', svgOf(key));
    else download(`advrisk-explore-${key}.png`, 'image/png', charts[key].getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
  }

  // ---- simulations ----
  /** fetch + JSON, with a network failure shown as a message rather than an unhandled rejection. */
  async function call(url, init) {
    try {
      const res = await fetch(url, init);
      return { ok: res.ok, body: await res.json() };
    } catch (e) {
      return { ok: false, body: { field: 'request', message: 'the server did not answer: ' + e.message } };
    }
  }

  async function simulate() {
    showError(null);
    const { ok: resOk, body } = await call('api/simulate', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(simParams()) });
    const res = { ok: resOk };
    if (!res.ok) { showError(body); return; }
    state.sim = body;
    $('cancel').disabled = false;
    poll(body.id);
  }

  function poll(id) {
    clearTimeout(state.simTimer);
    state.simTimer = setTimeout(async () => {
      const { ok, body } = await call('api/simulate/' + encodeURIComponent(id));
      if (!ok) { showError(body); $('cancel').disabled = true; return; }
      state.sim = body;
      simShow();
      if (body.state === 'queued' || body.state === 'running') poll(id);
      else $('cancel').disabled = true;
    }, 250);
  }

  async function cancel() {
    if (!state.sim) return;
    const { ok, body } = await call('api/simulate/' + encodeURIComponent(state.sim.id), { method: 'DELETE' });
    if (!ok) { showError(body); return; }
    state.sim = body;
    simShow();
  }

  function simShow() {
    const s = state.sim;
    $('sim-progress').max = s.trials; $('sim-progress').value = s.done;
    $('sim-status').textContent = `${s.state}: ${s.done}/${s.trials} training sets, ${fmt(s.elapsed_ms / 1000)} s`
      + (s.message ? ' — ' + s.message : '');
    if (state.view) {
      options.a = panelA(state.view); options.b = panelB(state.view);
      draw('a'); draw('b'); notes(state.view);
    }
    simTable();
  }

  function simTable() {
    const s = state.sim;
    const r = s && s.result;
    if (!r || !r.trials) { $('sim-table').innerHTML = ''; return; }
    let h = `<table id="sim-rows"><caption>simulated over ${r.trials} training sets (mean ± standard error)</caption>`
      + '<tr><th>λ</th><th>R</th><th>R_α</th><th>‖θ̂‖²</th></tr>';
    const row = (label, m, i) => {
      const c = (k) => fmt(m[k + '_mean'][i]) + (m[k + '_se'][i] === null ? '' : ' ± ' + fmt(m[k + '_se'][i]));
      return `<tr><td>${label}</td><td>${c('std_risk')}</td><td>${c('adv_risk')}</td><td>${c('norm_sq')}</td></tr>`;
    };
    (r.lambda || []).forEach((l, i) => { h += row('λ = ' + fmt(l), r, i); });
    if (r.gf) r.gf.time.forEach((t, i) => { h += row('gf t = ' + (t === null ? '∞' : fmt(t)), r.gf, i); });
    $('sim-table').innerHTML = h + '</table>';
  }

  /** The select lists of the declared choices (GET /api/choices), the current value kept when still allowed. */
  function fillChoices(table) {
    state.choices = table;
    for (const name of ['design', 'noise', 'target']) {
      const el = $(name); const c = table[name];
      if (!el || !c) continue;
      const have = Array.from(el.options).map((o) => o.value);
      if (have.join(',') === c.values.join(',')) continue;
      const keep = c.values.includes(el.value) ? el.value : c.default;
      el.replaceChildren(...c.values.map((v) => { const o = document.createElement('option'); o.value = v; o.textContent = v; return o; }));
      el.value = keep;
    }
  }

  // ---- wiring ----
  function init() {
    fetch('api/choices').then((r) => r.json()).then(fillChoices).catch(() => {});
    for (const k of ['a', 'b', 'c', 'd']) charts[k] = echarts.init($('chart-' + k), null, { renderer: 'canvas' });
    readUrl();
    syncSlidersFromText();
    document.querySelectorAll('#controls input:not([type=range]), #controls select').forEach((el) => {
      el.addEventListener('change', () => { syncSlidersFromText(); update(); });
    });
    document.querySelectorAll('#controls input[type=range]').forEach((el) => el.addEventListener('input', onSlider));
    $('simulate').addEventListener('click', simulate);
    $('cancel').addEventListener('click', cancel);
    $('copy-command').addEventListener('click', () => copyText($('command-theory').textContent));
    $('copy-link').addEventListener('click', () => copyText(location.href));
    $('download-spec').addEventListener('click', () => download('advrisk-explore.yaml', 'text/yaml', $('spec-yaml').textContent));
    document.querySelectorAll('[data-export]').forEach((b) => b.addEventListener('click',
      () => exportChart(b.dataset.export, b.dataset.type)));
    $('a-axis').addEventListener('change', () => {
      if (!state.view) return;
      options.a = panelA(state.view); draw('a'); notes(state.view); writeUrl();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    update();
  }

  // For tests and for the curious: the charts, their options and the last answers.
  window.explore = { charts, options, state, svgOf, update, onSlider };
  init();
})();
