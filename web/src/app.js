// cscwatch: small comforts on top of pages that work without JavaScript.
// Served from /static (no inline scripts: the Content-Security-Policy forbids them).
'use strict';

// Filters apply as soon as they change (the Apply button still works).
function autoSubmitFilters() {
  const form = document.getElementById('register-filters');
  if (!form) return;
  for (const el of form.querySelectorAll('select, input[type=checkbox]')) {
    el.addEventListener('change', () => form.submit());
  }
}

// The header's "Sign in" link is the same on every (cached) page; send the
// reader back to this page after signing in.
function signInReturnsHere() {
  const link = document.querySelector('header .account a[href="/login"]');
  if (link && location.pathname !== '/login') {
    link.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  }
}

const GRADE_RANK = { outstanding: 1, good: 2, requires_improvement: 3, adequate: 3, inadequate: 4 };
const GRADE_LABEL = { 1: 'Outstanding', 2: 'Good', 3: 'Requires improvement', 4: 'Inadequate' };
const AREAS = [
  ['overall', 'Overall effectiveness', '#000000', 'circle'],
  ['leadership', 'Leadership', '#0072B2', 'rect'],
  ['help_protection', 'Help and protection', '#D55E00', 'triangle'],
  ['in_care', 'Children in care', '#009E73', 'rectRot'],
  ['care_leavers', 'Care leavers', '#CC79A7', 'star'],
  ['adoption', 'Adoption', '#56B4E9', 'crossRot'],
  ['lscb', 'LSCB', '#E69F00', 'rectRounded'],
];

// Every judgement at each graded inspection, with Chart.js (when built in).
async function drawGradeChart() {
  const canvas = document.getElementById('grade-chart');
  if (!canvas || typeof window.Chart === 'undefined') return;
  const response = await fetch(canvas.dataset.src, { headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const data = await response.json();
  const graded = data.inspections.filter((i) => i.overall || Object.keys(i.judgements || {}).length);
  const labels = graded.map((i) => i.inspection_start || i.published || i.source_file);
  const datasets = [];
  for (const [key, label, colour, shape] of AREAS) {
    const values = graded.map((i) => (i[key] ? GRADE_RANK[i[key]] : null));
    if (values.every((v) => v === null)) continue;
    datasets.push({
      label, data: values, borderColor: colour, backgroundColor: colour, pointStyle: shape,
      pointRadius: key === 'overall' ? 7 : 5, borderWidth: key === 'overall' ? 3 : 1.5, spanGaps: true,
    });
  }
  // The April 2026 framework gives no overall grade: such an inspection is
  // shown at its counted grade (its lowest judgement) as a hollow marker with
  // its own legend entry, never as a gap in the overall line.
  const counted = graded.map((i) => (i.overall_absent_by_framework && i.counted_as ? GRADE_RANK[i.counted_as] : null));
  if (counted.some((v) => v !== null)) {
    datasets.push({
      label: 'No overall grade (2026 framework): counted at its lowest judgement',
      data: counted, borderColor: '#000000', backgroundColor: '#ffffff', pointStyle: 'rectRot',
      pointRadius: 8, borderWidth: 2, showLine: false, countedByLowest: true,
    });
  }
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      responsive: true,
      // Taller on a phone, where the legend takes several lines.
      aspectRatio: window.matchMedia('(max-width: 600px)').matches ? 1.1 : 2.4,
      animation: false,
      scales: {
        y: {
          reverse: true, min: 0.5, max: 4.5,
          afterBuildTicks: (axis) => { axis.ticks = [1, 2, 3, 4].map((value) => ({ value })); },
          ticks: { callback: (v) => GRADE_LABEL[v] || '' },
        },
        x: { title: { display: true, text: 'Inspection start' } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (c) => (c.dataset.countedByLowest
              ? `No overall grade (2026 framework); counted as ${GRADE_LABEL[c.parsed.y]}, its lowest judgement`
              : `${c.dataset.label}: ${GRADE_LABEL[c.parsed.y]}`),
          },
        },
        legend: { position: 'bottom' },
      },
    },
  });
}

// Stacked bars of grades (the national page): drawn from the table named by
// the canvas's data-table, so the chart and the table can never disagree.
const GRADE_COLOUR = {
  outstanding: '#005a8c', good: '#00765a', requires_improvement: '#e69f00', adequate: '#f5c869', inadequate: '#b03a00',
};
function drawStackedCharts() {
  if (typeof window.Chart === 'undefined') return;
  for (const canvas of document.querySelectorAll('canvas.stacked-chart')) {
    const table = document.getElementById(canvas.dataset.table);
    if (!table) continue;
    const grades = [...table.querySelectorAll('thead th[data-grade]')];
    const rows = [...table.querySelectorAll('tbody tr')];
    const labels = rows.map((r) => r.querySelector('th').textContent.trim());
    const datasets = grades.map((th) => {
      const column = [...th.parentNode.children].indexOf(th);
      return {
        label: th.textContent.trim(),
        data: rows.map((r) => Number(r.children[column].textContent)),
        backgroundColor: GRADE_COLOUR[th.dataset.grade] || '#999999',
      };
    }).filter((d) => d.data.some((v) => v > 0));
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        aspectRatio: window.matchMedia('(max-width: 600px)').matches ? 1.1 : 2.4,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'Inspections' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }
}

// The board pack's Print button (the page prints without it too).
function printButtons() {
  for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print());
}

document.addEventListener('DOMContentLoaded', () => {
  drawStackedCharts();
  autoSubmitFilters();
  printButtons();
  drawGradeChart().catch(() => { /* the server-drawn timeline remains */ });
  signInReturnsHere();
});
