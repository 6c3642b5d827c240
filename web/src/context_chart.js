// The authority page's chart of the area's figures (rates per 10,000
// children at each SIF inspection, labelled with the overall grade), drawn
// from the canvas's data-figures attribute; the table beside it holds every
// figure, so nothing is lost without JavaScript or Chart.js.
const SERIES = [
  ['children_in_need', 'Children in need', '#0072B2', 'circle'],
  ['child_protection_plans', 'On child protection plans', '#D55E00', 'triangle'],
  ['looked_after', 'Looked after', '#009E73', 'rectRot'],
];

function drawContextChart() {
  const canvas = document.getElementById('context-chart');
  if (!canvas || typeof window.Chart === 'undefined') return;
  const data = JSON.parse(canvas.dataset.figures);
  const datasets = SERIES.filter(([key]) => (data.series[key] || []).some((v) => v !== null))
    .map(([key, label, colour, shape]) => ({
      label, data: data.series[key], borderColor: colour, backgroundColor: colour, pointStyle: shape,
      pointRadius: 6, borderWidth: 2, spanGaps: true,
    }));
  if (!datasets.length) {
    canvas.closest('figure').hidden = true;
    return;
  }
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: 'line',
    data: { labels: data.labels, datasets },
    options: {
      responsive: true,
      aspectRatio: window.matchMedia('(max-width: 600px)').matches ? 1.1 : 2.4,
      animation: false,
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'Per 10,000 children' } },
        x: { title: { display: true, text: 'Inspection start (overall grade)' } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

document.addEventListener('DOMContentLoaded', () => {
  try { drawContextChart(); } catch (e) { /* the table remains */ }
});
