"""``scrapy report OUTDIR``: the archive as a static HTML browser that opens from disk.

:mod:`.gather` reads the archive in one streaming pass (each article's page is written
as soon as its versions are read); :mod:`.pages` and :mod:`.charts` turn what was
gathered into HTML and hand-drawn SVG; :mod:`.build` writes the folder whole.
"""
