import { describe, expect, it } from 'vitest';
import { FILL_BYTES, FILL_STEP, fillSlice } from './fill-slice';

describe('fillSlice', () => {
  it('renders eight light posts per slice, as before', () => {
    expect(fillSlice(Array.from({ length: 40 }, () => 700))).toBe(FILL_STEP);
    expect(fillSlice(Array.from({ length: 40 }, () => 0))).toBe(FILL_STEP);
  });

  it('renders fewer full-text posts, as many as fit the budget', () => {
    expect(fillSlice([6000, 5000, 4000, 100])).toBe(2);
    expect(fillSlice([4000, 4000, 4000, 1])).toBe(3);
    expect(fillSlice([FILL_BYTES, 1])).toBe(1);
  });

  it('always renders at least one post, even one over the budget', () => {
    expect(fillSlice([50_000, 10])).toBe(1);
  });

  it('renders what is left when fewer posts remain', () => {
    expect(fillSlice([10, 10])).toBe(2);
    expect(fillSlice([])).toBe(1);
  });
});
