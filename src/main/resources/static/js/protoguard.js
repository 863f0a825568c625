// protoguard's own few lines of JavaScript (no framework): filters that apply as they are chosen, timelines fetched
// when a subject is opened, and a PNG of a timeline drawn from the same SVG. Every page works without it.
(function () {
  'use strict';
  document.querySelectorAll('form.auto-submit').forEach(function (form) {
    var timer = null;
    form.querySelectorAll('select').forEach(function (s) {
      s.addEventListener('change', function () { form.submit(); });
    });
    form.querySelectorAll('input[type=search]').forEach(function (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { form.submit(); }, 500); // after a pause in typing, not per key
      });
    });
  });

  function load(details) {
    var holder = details.querySelector('.timeline-svg');
    if (!holder || holder.dataset.loaded) return Promise.resolve(holder);
    holder.dataset.loaded = 'loading';
    return fetch(holder.dataset.src, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }).then(function (svg) {
      // the server escaped every value from the upload; the document is parsed as SVG, never as HTML
      var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      holder.replaceChildren(document.importNode(doc.documentElement, true));
      holder.dataset.loaded = 'yes';
      return holder;
    }).catch(function (e) {
      holder.textContent = 'The timeline could not be loaded (' + e.message + ').';
      delete holder.dataset.loaded;
      return holder;
    });
  }

  document.querySelectorAll('details.timeline-card').forEach(function (d) {
    d.addEventListener('toggle', function () { if (d.open) load(d); });
    var png = d.querySelector('a.png-download');
    if (png) png.addEventListener('click', function (ev) {
      ev.preventDefault();
      load(d).then(function (holder) {
        var svg = holder.querySelector('svg');
        if (!svg) return;
        var w = svg.width.baseVal.value, h = svg.height.baseVal.value, scale = 2;
        var img = new Image();
        img.onload = function () {
          var canvas = document.createElement('canvas');
          canvas.width = w * scale; canvas.height = h * scale;
          var ctx = canvas.getContext('2d');
          ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          var a = document.createElement('a');
          a.href = canvas.toDataURL('image/png'); a.download = png.dataset.name;
          document.body.appendChild(a); a.click(); a.remove();
        };
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      });
    });
  });
})();
