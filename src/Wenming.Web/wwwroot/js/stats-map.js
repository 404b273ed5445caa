// 地图 (Pages/Statistics/Map): draws the sites the page lists in its table. Everything shown comes from the page's
// data attributes (texts from the server's resx); without a tile server the map is a plain background with a
// graticule, the townships' outlines and a scale, so it works with no internet access.
(function () {
    'use strict';
    var el = document.getElementById('st-map');
    if (!el || !window.L) {
        return;
    }

    var sites = JSON.parse(el.getAttribute('data-sites') || '[]');
    var outlines = JSON.parse(el.getAttribute('data-outlines') || '[]');
    var tileUrl = el.getAttribute('data-tile-url');
    var radius = { City: 12, County: 11, Township: 9, Village: 7, Point: 5 };
    var labelled = { City: true, County: true, Township: true, Village: el.clientWidth >= 600 };

    var map = L.map(el, { zoomSnap: 0.25, attributionControl: !!tileUrl, scrollWheelZoom: false });
    if (tileUrl) {
        L.tileLayer(tileUrl, { attribution: el.getAttribute('data-tile-attribution') || '', maxZoom: 18 }).addTo(map);
    }

    L.control.scale({ imperial: false }).addTo(map);
    if (sites.length === 0) {
        map.setView([0, 0], 2);
        return;
    }

    var bounds = L.latLngBounds(sites.map(function (s) { return [s.lat, s.lng]; })).pad(0.15);
    map.fitBounds(bounds);
    if (!tileUrl) {
        graticule(bounds.pad(1), bounds);
    }

    outlines.forEach(function (o) {
        L.polygon(o.outline, { color: '#8d6e63', weight: 1.5, dashArray: '4 4', fillColor: '#d7ccc8', fillOpacity: 0.25, interactive: false }).addTo(map);
    });

    sites.forEach(function (s) {
        var marker = L.circleMarker([s.lat, s.lng], {
            radius: radius[s.level] || 6, color: '#37474f', weight: 1, fillColor: s.colour, fillOpacity: 0.95,
        }).addTo(map);
        marker.bindTooltip(s.name, { permanent: !!labelled[s.level], direction: 'right', offset: [6, 0], className: 'st-map-label' });
        marker.bindPopup(function () { return popup(s); });
    });

    // Built from DOM nodes: names are text, never markup.
    function popup(s) {
        var box = document.createElement('div');
        box.className = 'st-map-popup';
        var title = document.createElement('b');
        title.textContent = s.name;
        box.appendChild(title);
        s.lines.forEach(function (line) {
            var p = document.createElement('div');
            p.textContent = line;
            box.appendChild(p);
        });
        // The public data screen has no drill-down (its visitors are not signed in): no href, no link.
        if (s.href) {
            var link = document.createElement('a');
            link.href = s.href;
            link.textContent = el.getAttribute('data-drill');
            box.appendChild(link);
        }

        return box;
    }

    // Lines every 0.01°–1° (whichever gives a handful across the view), labelled in degrees at the
    // first view's west and south edges.
    function graticule(area, view) {
        var span = Math.max(area.getNorth() - area.getSouth(), area.getEast() - area.getWest());
        var step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].filter(function (s) { return span / s <= 12; })[0] || 1;
        var style = { color: '#b0a89a', weight: 0.6, interactive: false };
        var digits = step < 0.1 ? 2 : 1;
        for (var lat = Math.ceil(area.getSouth() / step) * step; lat <= area.getNorth(); lat += step) {
            L.polyline([[lat, area.getWest()], [lat, area.getEast()]], style).addTo(map);
            gridLabel([lat, view.getWest()], lat.toFixed(digits) + '°N');
        }

        for (var lng = Math.ceil(area.getWest() / step) * step; lng <= area.getEast(); lng += step) {
            L.polyline([[area.getSouth(), lng], [area.getNorth(), lng]], style).addTo(map);
            gridLabel([view.getSouth(), lng], lng.toFixed(digits) + '°E');
        }
    }

    function gridLabel(at, text) {
        L.tooltip({ permanent: true, direction: 'center', className: 'st-map-grid', interactive: false })
            .setLatLng(at).setContent(text).addTo(map);
    }
}());
