import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
// The one import site of the outlines. Static, so every bundle carries them: Electron's main and
// the CLI (the packaged app ships no node_modules to look them up in) and the renderer's preview.
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { MapPlace } from './model';
import type { MapGeometry } from './pages';

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
 * Projects the outlines around the places (plus Dortmund) into finished SVG path data, clipped
 * to the frame to keep it small. The exporter and the editor's preview share this, so a map in
 * the preview is the map in the bundle. Each returned function caches by places and home.
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
