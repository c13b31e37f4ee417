/**
 * One string for a post's compound key `[feedId, id]`, for Maps and Sets: a NUL cannot occur
 * in a feed id, so no two keys give the same string.
 */
export const postKeyId = (feedId: string, id: string): string => `${feedId}\u0000${id}`;
