// Build static/geo/countries.geojson from the npm packages world-atlas and
// topojson-client (see README.md in this folder).
//
// Usage:
//   node build_countries.mjs SCRATCH_DIR [50m|110m] > countries.geojson
//
// SCRATCH_DIR is a directory where `npm install world-atlas topojson-client`
// was run (the script reads SCRATCH_DIR/node_modules/...). Default scale: 50m.
// Statistics go to stderr; the GeoJSON goes to stdout.
//
// Output: a FeatureCollection of every country whose geometry intersects the
// box lon -20..65, lat -5..45, in world-atlas order, one feature per line.
// Properties: {"name": <world-atlas name>, "iso_n3": <feature id as string,
// or null for the few features world-atlas gives no id>}. Coordinates are
// rounded to 2 decimals; points that become identical to the previous point
// after rounding are dropped, and rings left with fewer than 4 positions
// (i.e. collapsed to nothing at this precision) are dropped with them.
// Whole countries are kept (no clipping to the box).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [scratch, scale = "50m"] = process.argv.slice(2);
if (!scratch || !["50m", "110m"].includes(scale)) {
  console.error("usage: node build_countries.mjs SCRATCH_DIR [50m|110m] > countries.geojson");
  process.exit(2);
}
const modules = join(resolve(scratch), "node_modules");
const require = createRequire(join(modules, "noop.js"));
const topojson = require(join(modules, "topojson-client", "dist", "topojson-client.js"));
const topology = JSON.parse(
  readFileSync(join(modules, "world-atlas", `countries-${scale}.json`), "utf8"),
);

const BOX = { west: -20, east: 65, south: -5, north: 45 };
const DECIMALS = 2;

// --- geometry helpers -------------------------------------------------------

const inBox = ([x, y]) => x >= BOX.west && x <= BOX.east && y >= BOX.south && y <= BOX.north;

// Does segment p-q cross segment a-b (including touching)?
function segmentsIntersect(p, q, a, b) {
  const orient = (u, v, w) => Math.sign((v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0]));
  const onSeg = (u, v, w) =>
    Math.min(u[0], v[0]) <= w[0] && w[0] <= Math.max(u[0], v[0]) &&
    Math.min(u[1], v[1]) <= w[1] && w[1] <= Math.max(u[1], v[1]);
  const o1 = orient(p, q, a), o2 = orient(p, q, b), o3 = orient(a, b, p), o4 = orient(a, b, q);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSeg(p, q, a)) || (o2 === 0 && onSeg(p, q, b)) ||
         (o3 === 0 && onSeg(a, b, p)) || (o4 === 0 && onSeg(a, b, q));
}

// Even-odd point-in-ring test.
function inRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const BOX_CORNERS = [
  [BOX.west, BOX.south], [BOX.east, BOX.south], [BOX.east, BOX.north], [BOX.west, BOX.north],
];
const BOX_EDGES = BOX_CORNERS.map((c, i) => [c, BOX_CORNERS[(i + 1) % 4]]);

// A polygon (outer ring + holes) intersects the box if a vertex lies in the
// box, an edge crosses a box edge, or the box lies inside the polygon.
function polygonIntersectsBox(rings) {
  const outer = rings[0];
  if (outer.some(inBox)) return true;
  for (let i = 1; i < outer.length; i++) {
    for (const [a, b] of BOX_EDGES) if (segmentsIntersect(outer[i - 1], outer[i], a, b)) return true;
  }
  const c = BOX_CORNERS[0];
  return inRing(c, outer) && !rings.slice(1).some((hole) => inRing(c, hole));
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

// --- rounding ---------------------------------------------------------------

const f = 10 ** DECIMALS;
const round = (v) => Math.round(v * f) / f + 0; // "+ 0" turns -0 into 0
let droppedRings = 0;

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0], last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (out.length < 4) { droppedRings++; return null; }
  return out;
}

function roundPolygon(rings) {
  const outer = roundRing(rings[0]);
  if (!outer) { droppedRings += rings.length - 1; return null; }
  return [outer, ...rings.slice(1).map(roundRing).filter(Boolean)];
}

// --- main -------------------------------------------------------------------

const all = topojson.feature(topology, topology.objects.countries).features;
const features = [];
for (const feature of all) {
  const polygons = polygonsOf(feature.geometry);
  if (!polygons.some(polygonIntersectsBox)) continue;
  const rounded = polygons.map(roundPolygon).filter(Boolean);
  if (rounded.length === 0) continue;
  features.push({
    type: "Feature",
    properties: {
      name: feature.properties.name,
      iso_n3: feature.id === undefined || feature.id === null ? null : String(feature.id),
    },
    geometry: rounded.length === 1
      ? { type: "Polygon", coordinates: rounded[0] }
      : { type: "MultiPolygon", coordinates: rounded },
  });
}

process.stdout.write(
  '{"type":"FeatureCollection","features":[\n' +
  features.map((ft) => JSON.stringify(ft)).join(",\n") +
  "\n]}\n",
);
console.error(
  `countries-${scale}: ${features.length} of ${all.length} features kept; ` +
  `${droppedRings} ring(s) collapsed by rounding and dropped; ` +
  `no id: ${features.filter((ft) => ft.properties.iso_n3 === null).map((ft) => ft.properties.name).join(", ") || "none"}`,
);
