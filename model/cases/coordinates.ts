import { z } from 'zod';

/**
 * Where a problem is, as a point (WGS 84 decimal degrees) beside its written place. Optional on a
 * case: the filing form may take the phone's position, an Open311 client sends `lat`/`long`. Ranges
 * are checked here; the district's bounding box (configuration) by the filing, which knows it.
 */
export type Coordinates = { latitude: number; longitude: number };

/** `south,west,north,east`: the box a district's coordinates must fall in. */
export type BoundingBox = { south: number; west: number; north: number; east: number };

export const latitude = z.number().min(-90).max(90).describe('latitude in decimal degrees (WGS 84), -90 to 90');
export const longitude = z.number().min(-180).max(180).describe('longitude in decimal degrees (WGS 84), -180 to 180');

export const coordinatesSchema = z.strictObject({ latitude, longitude });

export const isInside = (point: Coordinates, box: BoundingBox) =>
  point.latitude >= box.south && point.latitude <= box.north && point.longitude >= box.west && point.longitude <= box.east;

export const describeBox = (box: BoundingBox) => `between latitudes ${box.south} and ${box.north}, longitudes ${box.west} and ${box.east}`;
