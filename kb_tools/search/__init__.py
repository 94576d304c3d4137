"""Per-language, sharded full-text search for the built help centre.

``text`` folds and tokenises text exactly as the browser worker (``assets/search-worker.js``)
does, ``stemming`` holds the light stemmers both apply, ``index`` writes one language's
index as small files so that a query downloads only the shards of its own words.
"""
