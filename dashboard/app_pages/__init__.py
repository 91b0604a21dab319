"""One page per file; the entrypoint registers them."""
