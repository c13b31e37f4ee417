import { describe, expect, it } from 'vitest';
import { hiddenFeedOfResponse, jsonFeedOf, type ResponseDetails } from './hidden-tab-feeds';

const response = (contentType: string | undefined, patch: Partial<ResponseDetails> = {}): ResponseDetails => ({
  url: 'http://blog.example/feed/atom/',
  type: 'main_frame',
  tabId: 7,
  statusCode: 200,
  responseHeaders: contentType === undefined ? [] : [{ name: 'Content-Type', value: contentType }],
  ...patch,
});

describe('hiddenFeedOfResponse', () => {
  it('offers a tab’s Atom, RSS or RDF response, which Firefox downloads instead of showing', () => {
    expect(hiddenFeedOfResponse(response('application/atom+xml; charset=UTF-8'))).toEqual({ kind: 'feed', feed: { url: 'http://blog.example/feed/atom/', type: 'atom', source: 'download' } });
    expect(hiddenFeedOfResponse(response('Application/RSS+XML'))).toMatchObject({ feed: { type: 'rss' } });
    expect(hiddenFeedOfResponse(response('application/rdf+xml'))).toMatchObject({ feed: { type: 'rdf' } });
  });

  it('asks for a JSON document to be read: Firefox’s JSON viewer shows it where no content script runs', () => {
    expect(hiddenFeedOfResponse(response('application/json', { url: 'http://blog.example/feed.json' }))).toEqual({ kind: 'json', url: 'http://blog.example/feed.json' });
    expect(hiddenFeedOfResponse(response('application/feed+json; charset=utf-8'))?.kind).toBe('json');
  });

  it('leaves alone what content scripts see, errors, subresources, background requests and attachments', () => {
    expect(hiddenFeedOfResponse(response('text/xml'))).toBeUndefined();
    expect(hiddenFeedOfResponse(response('text/html'))).toBeUndefined();
    expect(hiddenFeedOfResponse(response(undefined))).toBeUndefined();
    expect(hiddenFeedOfResponse(response('application/rss+xml', { statusCode: 404 }))).toBeUndefined();
    expect(hiddenFeedOfResponse(response('application/rss+xml', { type: 'xmlhttprequest' }))).toBeUndefined();
    expect(hiddenFeedOfResponse(response('application/json', { tabId: -1 }))).toBeUndefined();
    expect(hiddenFeedOfResponse(response('application/rss+xml', { url: 'ftp://blog.example/feed' }))).toBeUndefined();
    const attachment = response('application/rss+xml');
    attachment.responseHeaders!.push({ name: 'Content-Disposition', value: 'attachment; filename="feed.xml"' });
    expect(hiddenFeedOfResponse(attachment)).toBeUndefined();
  });
});

describe('jsonFeedOf', () => {
  it('names a JSON Feed and ignores other JSON', () => {
    expect(jsonFeedOf('http://x.example/f.json', '{"version": "https://jsonfeed.org/version/1.1", "title": " Mine ", "items": []}')).toEqual({ url: 'http://x.example/f.json', title: 'Mine', type: 'json', source: 'self' });
    expect(jsonFeedOf('http://x.example/f.json', '{"version": "https://jsonfeed.org/version/1", "items": [')).toEqual({ url: 'http://x.example/f.json', type: 'json', source: 'self' });
    expect(jsonFeedOf('http://x.example/api.json', '{"users": []}')).toBeUndefined();
  });
});
