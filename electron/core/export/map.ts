import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { MapGeometry } from '../../../shared/render/pages';
import type { MapPlace } from '../../../shared/render/model';
// A static import, so the outlines are bundled into Electron's main (no lookup in node_modules
// at run time, which the packaged app does not ship).
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

const WIDTH = 800;
const HEIGHT = 500;

let countries: FeatureCollection | null = null;

/** Natural Earth 1:110m country outlines (public domain) as packaged by world-atlas. */
function loadCountries(): FeatureCollection {
  if (countries) return countries;
  const topology = countries110m as unknown as Topology;
  countries = feature(topology, topology.objects.countries!) as unknown as FeatureCollection;
  return countries;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Projects the outlines around the places (plus Dortmund) at export time, so the page gets
 * finished SVG path data and `shared/` needs no geo library. Clipped to the frame to keep it small.
 */
export function createMapGeometry(): (
  places: MapPlace[],
  home: { lat: number; lon: number },
) => MapGeometry {
  const cache = new Map<string, MapGeometry>();
  return (places, home) => {
    const key = JSON.stringify([places.map((p) => [p.lon, p.lat]), home]);
    const hit = cache.get(key);
    if (hit) return hit;
    const all = [...places, home];
    const lons = all.map((p) => p.lon);
    const lats = all.map((p) => p.lat);
    const pad = 6;
    const box: MultiPoint = {
      type: 'MultiPoint',
      coordinates: [
        [Math.max(-180, Math.min(...lons) - pad), Math.max(-85, Math.min(...lats) - pad)],
        [Math.min(180, Math.max(...lons) + pad), Math.min(85, Math.max(...lats) + pad)],
        [Math.max(-180, Math.min(...lons) - pad), Math.min(85, Math.max(...lats) + pad)],
        [Math.min(180, Math.max(...lons) + pad), Math.max(-85, Math.min(...lats) - pad)],
      ],
    };
    const projection = geoNaturalEarth1().fitExtent(
      [
        [20, 20],
        [WIDTH - 20, HEIGHT - 20],
      ],
      box,
    );
    projection.clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
    const outline = geoPath(projection).digits(1)(loadCountries()) ?? '';
    const point = (p: { lat: number; lon: number }) => {
      const xy = projection([p.lon, p.lat]) ?? [0, 0];
      return { x: round(xy[0]), y: round(xy[1]) };
    };
    const geometry: MapGeometry = {
      width: WIDTH,
      height: HEIGHT,
      outline,
      points: places.map(point),
      home: point(home),
    };
    cache.set(key, geometry);
    return geometry;
  };
}
