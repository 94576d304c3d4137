/*
 * kb search worker: the help centre's search, behind Material for MkDocs' own search UI.
 *
 * Material runs its search in a web worker and talks to it with four messages (SETUP,
 * READY, QUERY, RESULT); the worker's URL comes from the page's __config. kb/search
 * points that URL here, so the search box, result list, keyboard handling and
 * highlighting stay Material's, while the index is ours: per language, split into small
 * files (kb_tools/search/index.py) of which a query fetches only what it needs.
 *
 * normalize/tokenize/stem below must stay in step with kb_tools/search/text.py and
 * stemming.py: the index is built in Python and queried here
 * (tests/test_search_browser.py runs both on the same strings).
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

/* ------------------------------------------------------------------ text */

const LETTERS = { "ي": "ی", "ى": "ی", "ك": "ک" }

function normalize(text) {
  return text.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC")
    .toLowerCase()
    .replace(/[يىك]/g, c => LETTERS[c])
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, c => String.fromCharCode(48 + (c.charCodeAt(0) & 0xF)))
    .replace(/[\u00AD\u200B-\u200F\u2060\uFEFF]/g, "")
    .replace(/(?<=\p{L})['’ʼ"״׳](?=\p{L})/gu, "")
}

/* Runs of letters and digits; a hyphenated word also as one word, after its parts (text.py tokens). */
function tokenize(text) {
  const found = []
  for (const compound of normalize(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) || []) {
    const parts = compound.split("-")
    found.push(...parts)
    if (parts.length > 1) found.push(parts.join(""))
  }
  return found
}

function variants(word, rules) {
  const found = [word]
  while (found.length <= 3) {
    const prefix = rules.prefixes.find(p => word.startsWith(p) && word.length - p.length >= rules.min)
    if (prefix === undefined) break
    word = word.slice(prefix.length)
    found.push(word)
  }
  return found
}

function stem(word, rules) {
  for (let pass = 0; pass < rules.passes; pass++) {
    const rule = rules.suffixes.find(([ending, replacement, blocked]) =>
      word.endsWith(ending) && word.length - ending.length + replacement.length >= rules.min &&
      !blocked.some(b => word.endsWith(b)))
    if (rule === undefined) break
    word = word.slice(0, word.length - rule[0].length) + rule[1]
  }
  return word
}

/* ----------------------------------------------------------------- index */

const params = new URL(self.location.href).searchParams
/* index: the customers' index of the language ("ru"), or a separate folder's ("writing/en") */
const base = new URL(`../../search/${params.get("index") || params.get("lang") || "en"}/`, self.location.href)
const files = new Map()

function load(name, options) {
  if (!files.has(name))
    files.set(name, fetch(new URL(name, base), options).then(response => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`)
      return response.json()
    }).catch(error => { files.delete(name); throw error }))
  return files.get(name)
}

const manifest = () => load("manifest.json", { cache: "no-cache" })

/* Shard keys sorted longest first: a term lives in the shard of the longest key that starts it. */
let keys = null
function shardKeys(index) {
  if (keys === null)
    keys = Object.keys(index.shards).sort((a, b) => b.length - a.length)
  return keys
}

function shardFor(index, term) {
  const key = shardKeys(index).find(k => term.startsWith(k))
  return key === undefined ? null : index.shards[key]
}

/* Shards that may hold terms starting with `prefix` (at most `limit`, or null if more). */
function shardsUnder(index, prefix, limit) {
  const names = new Set()
  const own = shardFor(index, prefix)
  if (own) names.add(own)
  for (const key of shardKeys(index))
    if (key.length > prefix.length && key.startsWith(prefix)) {
      names.add(index.shards[key])
      if (names.size > limit) return null
    }
  return [...names]
}

function decode(flat) {
  const scores = new Map()
  for (let i = 0, doc = 0; i < flat.length; i += 2) {
    doc += flat[i]
    scores.set(doc, flat[i + 1])
  }
  return scores
}

/* Edits allowed for a word of this length (kb_tools/search/rank.py typo_distance). */
function typoDistance(word, limits) {
  return word.length >= limits.two ? 2 : word.length >= limits.one ? 1 : 0
}

/* Optimal string alignment distance, or limit + 1 once it is known to exceed limit (rank.py edit_distance). */
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous2 = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1)
      current.push(value)
    }
    if (Math.min(...current) > limit) return limit + 1
    previous2 = previous
    previous = current
  }
  return previous[b.length]
}

const PREFIX_FACTOR = 0.6, TYPO_FACTOR = [1, 0.7, 0.4], STOPWORD_FACTOR = 0.2

/* doc → best score of one query word: its stem exactly, or (the word being typed) any term
   it starts, or, when neither finds anything, the nearest terms within the typo distance. */
async function wordScores(index, word, typing) {
  const rules = index.stemmer
  const scores = new Map()
  const add = (flat, factor) => {
    for (const [doc, score] of decode(flat)) {
      const value = score * factor
      if (value > (scores.get(doc) || 0)) scores.set(doc, value)
    }
  }
  /* The word as typed first; a form without a Hebrew or Persian prefix only if that finds nothing. */
  const forms = variants(word, rules)
  for (const form of forms) {
    const term = stem(form, rules)
    const name = shardFor(index, term)
    const shard = name ? await load(name) : {}
    if (Object.hasOwn(shard, term)) add(shard[term], 1)
    if (typing && form.length >= index.prefix_min) {
      const names = shardsUnder(index, form, 4) || (name ? [name] : [])
      for (const other of await Promise.all(names.map(n => load(n))))
        for (const [candidate, flat] of Object.entries(other))
          if (candidate !== term && candidate.startsWith(form)) add(flat, PREFIX_FACTOR)
    }
    if (scores.size) return scores
  }
  const term = stem(forms[0], rules)
  const limits = index.typo
  const allowed = typoDistance(forms[0], limits)  /* by the word as typed (rank.py) */
  if (!allowed) return scores
  const own = shardFor(index, term)
  const names = shardsUnder(index, term.slice(0, 1), limits.shards) ||
    shardsUnder(index, term.slice(0, 2), limits.shards) || (own ? [own] : [])
  let nearest = allowed + 1, found = []
  for (const shard of await Promise.all(names.map(n => load(n))))
    for (const [candidate, flat] of Object.entries(shard)) {
      const distance = editDistance(term, candidate, Math.min(allowed, nearest))
      if (distance > allowed) continue
      if (distance < nearest) { nearest = distance; found = [flat] }
      else if (distance === nearest) found.push(flat)
    }
  if (nearest <= allowed) for (const flat of found) add(flat, TYPO_FACTOR[nearest])
  return scores
}

async function search(query) {
  const index = await manifest()
  const words = [...new Set(tokenize(query))]
  if (!words.length) return { items: [], total: 0 }
  const typing = !/\s$/.test(query)
  const perWord = await Promise.all(words.map((word, i) =>
    wordScores(index, word, typing && i === words.length - 1)))

  /* Pages with more of the informative words first (not function words, and matched by at
     most half the pages; every word when none is), then by summed score, where a function
     word weighs a fifth (rank.py counted). */
  const stop = new Set(index.stopwords || [])
  let counts = perWord.map((scores, i) => !stop.has(words[i]) && scores.size * 2 <= index.count)
  if (!counts.some(Boolean)) counts = counts.map(() => true)
  const content = words.some(word => !stop.has(word))
  const total = new Map()
  perWord.forEach((scores, i) => {
    const factor = content && stop.has(words[i]) ? STOPWORD_FACTOR : 1
    for (const [doc, score] of scores) {
      const entry = total.get(doc) || { doc, words: 0, score: 0 }
      entry.words += counts[i] ? 1 : 0
      entry.score += score * factor
      total.set(doc, entry)
    }
  })
  const best = [...total.values()]
    .sort((a, b) => b.words - a.words || b.score - a.score || a.doc - b.doc)
    .slice(0, index.max_results)

  const chunks = await Promise.all([...new Set(best.map(e => Math.floor(e.doc / index.chunk)))]
    .map(async n => [n, await load(index.chunks[n])]))
  const docs = new Map(chunks)
  const items = best.map(entry => {
    const [location, title, text] = docs.get(Math.floor(entry.doc / index.chunk))[entry.doc % index.chunk]
    const terms = {}
    words.forEach((word, i) => { terms[word] = perWord[i].has(entry.doc) })
    return [{ location, title, text, score: entry.score, terms }]
  })
  return { items, total: total.size }
}

/* -------------------------------------------------------------- protocol */

/* When the index cannot load, say so where the results would be, and offer the home page. */
function unavailable() {
  return {
    items: [[{
      location: params.get("home") || "./",
      title: params.get("unavailable") || "Search is unavailable right now.",
      text: params.get("hint") || "",
      score: 1,
      terms: {}
    }]]
  }
}

let latest = 0
async function answer(query) {
  const ticket = ++latest
  let data
  try {
    data = await search(query)
  } catch (error) {
    data = unavailable()
  }
  if (ticket !== latest) return  /* a newer query is on its way: its answer replaces this one */
  self.postMessage({ type: RESULT, data: { items: data.items } })
  /* Material counts the results it is given (at most max_results): the page's script
     (overrides/main.html) shows this count of every matching page instead. */
  if (countChannel) countChannel.postMessage({ shown: data.items.length, total: data.total ?? data.items.length })
}

const countChannel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("kb-search-count")

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  /* Ready at once: the index loads on the first query, and Material's own
     search_index.json (an empty stub here) is not needed to answer. */
  self.addEventListener("message", ({ data: message }) => {
    if (message.type === SETUP) self.postMessage({ type: READY })
    else if (message.type === QUERY) answer(message.data)
  })
  self.postMessage({ type: READY })
  manifest().catch(() => {})
} else {
  self.kbSearch = { normalize, tokenize, variants, stem, editDistance, typoDistance }
}
