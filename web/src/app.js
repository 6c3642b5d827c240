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
  signInReturnsHere();
});
