/* The queue dashboard's charts (templates/reviews/dashboard.html), drawn with uPlot.
 *
 * The page renders every number itself; this file only draws. Its data comes from the
 * page's <script id="dashboard-data" type="application/json"> (Django's json_script), so
 * nothing here is inline and the strict CSP holds. The threshold simulator is fetched
 * from its API call after the page has drawn: it replays decided items, which the page
 * itself never does.
 */
(function () {
  "use strict";

  const COLORS = {
    blue: "#2458d3",
    orange: "#d9730d",
    green: "#1f7a3d",
    red: "#b42318",
    grey: "#5b6678",
    purple: "#7b3fb0",
  };
  const HEIGHT = 220;
  const charts = [];

  function fmt(value, digits, unit) {
    if (value === null || value === undefined || Number.isNaN(value)) return "—";
    return value.toFixed(digits) + (unit ? " " + unit : "");
  }

  function utc(ts) {
    return uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC");
  }

  function widthOf(el) {
    return Math.max(260, Math.floor(el.getBoundingClientRect().width));
  }

  function dashedLine(u, from, to, color) {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
    ctx.restore();
  }

  // A horizontal reference line at y = value, when the scale shows it.
  function hline(value, color) {
    return function (u) {
      const s = u.scales.y;
      if (s.min === null || value < s.min || value > s.max) return;
      const y = u.valToPos(value, "y", true);
      dashedLine(u, [u.bbox.left, y], [u.bbox.left + u.bbox.width, y], color);
    };
  }

  // A vertical line at x = value (the simulator's current threshold).
  function vline(getValue, color) {
    return function (u) {
      const value = getValue();
      if (value === null || value === undefined) return;
      const x = u.valToPos(value, "x", true);
      dashedLine(u, [x, u.bbox.top], [x, u.bbox.top + u.bbox.height], color);
    };
  }

  // A series' uPlot options: everything but the values it carries along.
  function options(s) {
    const copy = Object.assign({}, s);
    delete copy.data;
    return copy;
  }

  function make(el, opts, data) {
    el.replaceChildren();
    const chart = new uPlot(
      Object.assign({ width: widthOf(el), height: HEIGHT, legend: { live: true } }, opts),
      data,
      el
    );
    charts.push({ el: el, chart: chart });
    return chart;
  }

  function timeChart(el, series, yLabel, yValues, extra) {
    const t = DATA.series.t;
    return make(
      el,
      Object.assign(
        {
          tzDate: utc,
          scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max || 0, 1e-9) * 1.1] } },
          series: [{ label: "time (UTC)" }].concat(series.map(options)),
          axes: [{}, { label: yLabel, values: yValues, size: 60 }],
        },
        extra || {}
      ),
      [t].concat(series.map((s) => s.data))
    );
  }

  function line(label, data, color, unitFmt) {
    return {
      label: label,
      data: data,
      stroke: color,
      width: 2,
      spanGaps: false,
      points: { show: data.length <= 60, size: 5 },
      value: (u, v) => unitFmt(v),
    };
  }

  function bars(label, data, color, unitFmt, opts) {
    return {
      label: label,
      data: data,
      stroke: color,
      fill: color + "99",
      width: 1,
      paths: uPlot.paths.bars(opts || { size: [0.6, 60] }),
      points: { show: false },
      value: (u, v) => unitFmt(v),
    };
  }

  const count = (v) => fmt(v, 0);

  function durationUnit(values) {
    const max = Math.max(0, ...values.filter((v) => v !== null));
    if (max >= 2 * 86400) return ["d", 86400];
    if (max >= 2 * 3600) return ["h", 3600];
    if (max >= 120) return ["min", 60];
    return ["s", 1];
  }

  const DRAW = {
    override(el) {
      const pct = DATA.series.override_rate.map((v) => (v === null ? null : v * 100));
      timeChart(el, [line("override rate", pct, COLORS.red, (v) => fmt(v, 1, "%"))], "%", (u, s) =>
        s.map((v) => v.toFixed(0) + " %")
      );
    },
    tth(el) {
      const raw = DATA.series.time_to_human_p95;
      const [unit, size] = durationUnit(raw);
      const scaled = raw.map((v) => (v === null ? null : v / size));
      timeChart(el, [line("time-to-human p95", scaled, COLORS.blue, (v) => fmt(v, 1, unit))], unit, (u, s) =>
        s.map((v) => v + " " + unit)
      );
    },
    workload(el) {
      const s = DATA.series;
      timeChart(
        el,
        [
          line("routed to Tier 1", s.routed_tier1, COLORS.blue, count),
          line("routed to SMEs", s.routed_sme, COLORS.orange, count),
          line("decided by people", s.decided, COLORS.green, count),
        ],
        "items",
        null
      );
    },
    escalations(el) {
      timeChart(el, [bars("escalations", DATA.series.escalations, COLORS.purple, count)], "tickets", null);
    },
    drift(el) {
      timeChart(
        el,
        [line("PSI of confidence", DATA.series.psi_confidence, COLORS.orange, (v) => fmt(v, 3))],
        "PSI",
        null,
        {
          scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max || 0, 0.3) * 1.1] } },
          hooks: { draw: [hline(0.1, COLORS.grey), hline(0.25, COLORS.red)] },
        }
      );
    },
    reliability(el) {
      reliabilityChart(el, [["accuracy (this window)", DATA.reliability, COLORS.blue, 0]]);
    },
    calibration(el) {
      const c = DATA.calibration;
      reliabilityChart(el, [
        ["before the fit (raw)", c.before, COLORS.grey, -1],
        ["after the fit (calibrated)", c.after, COLORS.green, 1],
      ]);
    },
    simulator(el) {
      simulator(el);
    },
  };

  // Bars of accuracy per confidence bin against the diagonal of perfect calibration.
  // `groups`: [label, bins, color, align] with align -1 / 1 to set two bars side by side.
  function reliabilityChart(el, groups) {
    const mids = groups[0][1].map((b) => (b.lower + b.upper) / 2);
    const series = groups.map(([label, bins, color, align]) =>
      bars(
        label,
        bins.map((b) => (b.accuracy === null ? null : b.accuracy * 100)),
        color,
        (v) => fmt(v, 1, "%"),
        { size: [groups.length > 1 ? 0.4 : 0.8, 80], align: align }
      )
    );
    make(
      el,
      {
        scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 100] } },
        series: [{ label: "confidence bin", value: (u, v) => (v === null ? "—" : (v - 0.05).toFixed(1) + "–" + (v + 0.05).toFixed(1)) }].concat(series.map(options)),
        axes: [
          { label: "model confidence", values: (u, s) => s.map((v) => v.toFixed(1)) },
          { label: "accuracy", values: (u, s) => s.map((v) => v + " %"), size: 60 },
        ],
        hooks: {
          draw: [
            (u) =>
              dashedLine(
                u,
                [u.valToPos(0, "x", true), u.valToPos(0, "y", true)],
                [u.valToPos(1, "x", true), u.valToPos(100, "y", true)],
                COLORS.grey
              ),
          ],
        },
      },
      [mids].concat(series.map((s) => s.data))
    );
  }

  // --- Threshold simulator: fetched, drawn, a point chosen, a policy drafted ----------

  function simulator(el) {
    const sim = DATA.simulator;
    const input = document.getElementById("simulator-threshold");
    const readout = document.getElementById("simulator-readout");
    const status = document.getElementById("simulator-status");
    const result = document.getElementById("simulator-result");
    const draft = document.getElementById("simulator-draft");
    let curve = null;
    let current = null;

    function nearest(t) {
      let best = null;
      for (const p of curve.points) {
        if (best === null || Math.abs(p.threshold - t) < Math.abs(best.threshold - t)) best = p;
      }
      return best;
    }

    function show() {
      const t = parseFloat(input.value);
      if (!curve || Number.isNaN(t)) {
        readout.textContent = "";
        return;
      }
      const p = nearest(t);
      readout.textContent =
        "at " + p.threshold.toFixed(2) + ": " + fmt(p.auto_share * 100, 1, "%") + " auto-approved (" +
        p.n_auto + " items), error rate among them " +
        (p.error_rate === null ? "—" : fmt(p.error_rate * 100, 2, "%")) + ", " +
        fmt(p.human_per_day, 1) + " items/day for people";
      if (chart) chart.redraw(false, false);
    }

    let chart = null;
    fetch(sim.curve + "?window=" + encodeURIComponent(DATA.window), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
      .then((body) => {
        curve = body;
        current = body.current ? body.current.threshold : body.auto_approve_at;
        if (!body.n || !body.points || !body.points.length) {
          status.textContent = "No data yet: no human-decided items in this window to replay.";
          return;
        }
        const pts = body.points;
        const series = [
          line("auto-approved", pts.map((p) => p.auto_share * 100), COLORS.blue, (v) => fmt(v, 1, "%")),
          line("error rate among them", pts.map((p) => (p.error_rate === null ? null : p.error_rate * 100)), COLORS.red, (v) => fmt(v, 2, "%")),
          Object.assign(line("human items per day", pts.map((p) => p.human_per_day), COLORS.green, (v) => fmt(v, 1)), { scale: "day" }),
        ];
        chart = make(
          el,
          {
            scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 100] }, day: { range: (u, min, max) => [0, Math.max(max || 0, 1) * 1.1] } },
            series: [{ label: "auto_approve_at", value: (u, v) => fmt(v, 2) }].concat(series.map(options)),
            axes: [
              { label: "auto_approve_at" },
              { label: "%", values: (u, s) => s.map((v) => v + " %"), size: 55 },
              { scale: "day", side: 1, label: "items / day", grid: { show: false }, size: 60 },
            ],
            hooks: {
              draw: [
                vline(() => current, COLORS.grey),
                vline(() => (input.value === "" ? null : parseFloat(input.value)), COLORS.orange),
              ],
            },
          },
          [pts.map((p) => p.threshold)].concat(series.map((s) => s.data))
        );
        chart.over.addEventListener("click", () => {
          const idx = chart.cursor.idx;
          if (idx === null || idx === undefined) return;
          input.value = pts[idx].threshold.toFixed(2);
          show();
        });
        show();
      })
      .catch((err) => {
        status.textContent = "The simulator could not be loaded (" + err.message + ").";
      });

    input.addEventListener("input", show);

    if (draft) {
      draft.addEventListener("click", () => {
        const t = parseFloat(input.value);
        if (Number.isNaN(t)) return;
        const token = document.querySelector("#simulator input[name=csrfmiddlewaretoken]").value;
        draft.disabled = true;
        result.classList.remove("error");
        fetch(sim.draft, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
          body: JSON.stringify({ auto_approve_at: t }),
        })
          .then((r) => r.json().then((body) => ({ ok: r.ok, body: body })))
          .then(({ ok, body }) => {
            if (ok) {
              const v = body.version !== undefined ? body.version : body.policy && body.policy.version;
              result.textContent =
                "Drafted policy version " + (v === undefined ? "" : "v" + v + " ") +
                "with auto_approve_at " + t.toFixed(2) + ". It is not active: an admin activates it.";
            } else {
              const e = body.error || {};
              const fields = e.fields ? Object.values(e.fields).flat().join(" ") : "";
              result.textContent = (e.message || "The draft was refused.") + (fields ? " " + fields : "");
              result.classList.add("error");
            }
          })
          .catch((err) => {
            result.textContent = "The draft failed (" + err.message + ").";
            result.classList.add("error");
          })
          .finally(() => {
            draft.disabled = false;
          });
      });
    }
  }

  // --- Start --------------------------------------------------------------------------

  let DATA = null;

  function start() {
    const filters = document.getElementById("dash-filters");
    if (filters) filters.addEventListener("change", () => filters.requestSubmit());
    const source = document.getElementById("dashboard-data");
    if (!source || typeof uPlot === "undefined") return;
    DATA = JSON.parse(source.textContent);
    for (const el of document.querySelectorAll("[data-chart]")) {
      const draw = DRAW[el.dataset.chart];
      if (draw && (el.dataset.chart !== "simulator" || DATA.simulator)) draw(el);
    }
    let pending = null;
    window.addEventListener("resize", () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        for (const c of charts) c.chart.setSize({ width: widthOf(c.el), height: HEIGHT });
      }, 150);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
