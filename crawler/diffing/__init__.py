"""What changed between two versions of an article: the fields, then the body paragraph
by paragraph and, inside a changed paragraph, word by word (Thai words from a Thai word
segmenter).  Used by ``scrapy diff`` and by the ``versions`` export's change summary."""
